// The outcome message's wording, its e-mail and webhook forms, the notify levels and the retry back-off.
import { describe, expect, it } from 'vitest'
import { type OutcomeRow, renderMessage, summarize } from './notification-message'
import { retryDelayMs } from './notification-outbox'
import { wantsNotice } from './notification-rules'

const row = (targetName: string, outcome: number, message = 'exit code 1'): OutcomeRow => ({
  targetName,
  runId: `run-${targetName}`,
  outcome,
  message,
  endedAt: new Date('2026-12-02T02:00:41.000Z'),
  jobVersion: 7,
})

describe('the message about a job’s outcomes', () => {
  it('counts each outcome against the job’s targets and names a few targets', () => {
    expect(summarize('nightly-vacuum', [row('SQL01', 0), row('SQL02', 0)], 40)).toBe(
      'nightly-vacuum failed on 2 of 40 target servers: SQL01, SQL02',
    )
    const many = [...Array.from({ length: 37 }, (_, i) => row(`F${i}`, 0)), row('S1', 1), row('C1', 3)]
    expect(summarize('nightly-vacuum', many, 40)).toBe(
      'nightly-vacuum failed on 37, succeeded on 1 and canceled on 1 of 40 target servers',
    )
    // a job deleted since: never fewer targets than named
    expect(summarize('gone', [row('A', 0), row('B', 0)], 0)).toBe('gone failed on 2 of 2 target servers: A, B')
  })

  it('lists the first 200 targets in the e-mail, all in the webhook, and escapes the HTML', () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(`T${String(i).padStart(3, '0')}`, 0, '<b>"x"</b> & y'))
    const m = renderMessage({
      master: 'MSX1',
      jobName: 'nightly-vacuum',
      totalTargets: 300,
      rows,
      dashboardUrl: 'https://msx.example.com',
      sentAt: new Date('2026-12-02T02:01:41.000Z'),
    })
    expect(m.subject).toBe('nightly-vacuum failed on 250 of 300 target servers')
    expect(m.text).toContain('and 50 more')
    expect(m.text).toContain('Job: nightly-vacuum (version 7)')
    expect(m.text).toContain('https://msx.example.com/jobs/nightly-vacuum')
    expect(m.html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y')
    expect(m.html).not.toContain('<b>"x"</b>')
    expect(m.payload.targets).toHaveLength(250)
    expect(m.payload.job).toEqual({
      name: 'nightly-vacuum',
      version: 7,
      link: 'https://msx.example.com/jobs/nightly-vacuum',
    })
    expect(m.payload.counts).toEqual({ failed: 250, succeeded: 0, canceled: 0, notified: 250, targets: 300 })
    expect(m.pagerText).toBe('nightly-vacuum failed on 250 of 300 target servers. Master MSX1.')
  })
})

describe('the rules', () => {
  it('tell each level the outcomes it asks for', () => {
    expect(wantsNotice('never', 0, null)).toBe(false)
    expect([0, 1, 3].map((o) => wantsNotice('completion', o, null))).toEqual([true, true, true])
    expect([0, 1, 3].map((o) => wantsNotice('failure', o, null))).toEqual([true, false, false])
    expect([0, 1, 3].map((o) => wantsNotice('success', o, null))).toEqual([false, true, false])
    // change: a failure after a success or as the first run, and the recovery; not a repeat, not a cancel
    expect(wantsNotice('change', 0, 1)).toBe(true)
    expect(wantsNotice('change', 0, null)).toBe(true)
    expect(wantsNotice('change', 0, 0)).toBe(false)
    expect(wantsNotice('change', 1, 0)).toBe(true)
    expect(wantsNotice('change', 1, 1)).toBe(false)
    expect(wantsNotice('change', 1, null)).toBe(false)
    expect(wantsNotice('change', 3, 0)).toBe(false)
  })

  it('back off from 30 s, doubling to at most an hour, jittered between half and all of it', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, () => 1))).toEqual([30_000, 60_000, 120_000])
    expect(retryDelayMs(1, () => 0)).toBe(15_000)
    expect(retryDelayMs(9, () => 1)).toBe(3_600_000)
    expect(retryDelayMs(30, () => 0)).toBe(1_800_000)
  })
})
