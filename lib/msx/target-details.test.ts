import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import type { OutcomeRecord } from '../protocol/agent-v1'
import { addGroupMembers, createGroup } from './groups'
import { createJob } from './jobs'
import { recordOutcomes } from './outcomes'
import { summarizeMetric } from './poll-metrics'
import { recordPolls } from './polls'
import { targetDetails } from './target-details'

const t = testDatabase()

function jobRun(job: { id: number; name: string }, runId: string, startedAt: string): OutcomeRecord[] {
  const base = { runId, jobId: job.id, jobName: job.name, output: '', retriesAttempted: 0, durationMs: 1500 }
  return [
    {
      ...base,
      idempotencyKey: `${runId}:1`,
      stepNumber: 1,
      stepName: 'copy',
      runStatus: 0 as const,
      message: 'disk full',
    },
    {
      ...base,
      idempotencyKey: `${runId}:0`,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: 0 as const,
      message: 'failed',
    },
  ].map((o, i) => ({ ...o, startedAt: new Date(Date.parse(startedAt) + i).toISOString() }))
}

function poll(targetId: number, at: Date, clockSkewMs: number, spoolDepth: number) {
  return {
    targetId,
    at,
    localTime: new Date(at.getTime() + clockSkewMs),
    clockSkewMs,
    spoolDepth,
    spoolOldestAt: spoolDepth > 0 ? new Date(at.getTime() - 60_000) : null,
    pollIntervalSeconds: 60,
    sample: true,
  }
}

describe('one target server in full', () => {
  it('shows its properties, groups, jobs with their last outcome, history, instructions and polls', async () => {
    const name = uniqueName()
    const [group, other] = [uniqueName('grp'), uniqueName('grp')]
    const target = await enlist(t.ctx, name, {
      location: 'Rack 4',
      timeZoneOffsetMinutes: 120,
      certFingerprint: 'AB:CD',
    })
    await createGroup(t.ctx, group)
    await createGroup(t.ctx, other)
    await addGroupMembers(t.ctx, group, [name])
    const { job } = await createJob(t.ctx, {
      name: uniqueName('job'),
      steps: [{ name: 'copy', kind: 'cmdexec', command: 'true' }],
      targets: { servers: [name], groups: [group] },
    })
    await recordOutcomes(t.ctx.db, target, jobRun(job, `${name}-run`, '2026-03-01T10:00:00.000Z'))
    const now = new Date()
    // one report a call, as the gateway sends a target's polls: the last one is the target's last poll
    for (const report of [
      poll(target.id, new Date(now.getTime() - 25 * 3_600_000), 9_999, 99),
      poll(target.id, new Date(now.getTime() - 600_000), 40, 3),
      poll(target.id, new Date(now.getTime() - 30_000), -25, 0),
    ])
      await recordPolls(t.ctx.db, [report])

    const details = await targetDetails(t.ctx.db, name.toLowerCase(), now)
    expect(details.target).toMatchObject({
      name,
      location: 'Rack 4',
      timeZoneOffsetMinutes: 120,
      enlistedBy: 'admin',
      certFingerprint: 'AB:CD',
      encryptionMode: 'strict',
      status: 'Normal',
      clockSkewMs: -25,
      spoolDepth: 0,
      unreadInstructions: 1,
    })
    expect(details.groups).toEqual([group])
    expect(details.allGroups).toEqual(expect.arrayContaining([group, other]))
    expect(details.jobs.rows).toEqual([
      expect.objectContaining({
        name: job.name,
        direct: true,
        viaGroups: [group],
        outcome: 'Failed',
        message: 'failed',
        durationMs: 1500,
      }),
    ])
    expect(details.history.map((h) => [h.stepNumber, h.outcome, h.message])).toEqual([
      [0, 'Failed', 'failed'],
      [1, 'Failed', 'disk full'],
    ])
    expect(details.instructions.rows.map((i) => [i.operation, i.objectName])).toEqual([['INSERT', job.name]])
    expect(details.polls.samples.map((s) => s.clockSkewMs)).toEqual([40, -25])
    expect(details.polls.summary.clockSkewMs).toEqual({ min: -25, max: 40, last: -25, count: 2 })
    expect(details.polls.summary.spoolDepth).toEqual({ min: 0, max: 3, last: 0, count: 2 })
  })

  it('says why a blocked target is blocked', async () => {
    const name = uniqueName()
    await enlist(t.ctx, name)
    await createJob(t.ctx, {
      name: uniqueName('job'),
      steps: [{ name: 'run', kind: 'cmdexec', command: 'true', proxy: 'etl' }],
      targets: { servers: [name], groups: [] },
    })
    await t.ctx.db.downloadInstruction.updateMany({
      where: { targetName: name },
      data: { errorMessage: 'Proxy not found.' },
    })
    const { target } = await targetDetails(t.ctx.db, name)
    expect(target.status).toBe('Blocked')
    expect(target.statusReason).toContain('Proxy not found.')
  })

  it('refuses a name no target has', async () => {
    await expect(targetDetails(t.ctx.db, 'NO-SUCH-TSX')).rejects.toThrow('No target server is named "NO-SUCH-TSX".')
  })

  it('summarizes a metric over the samples that carry it', () => {
    const at = '2026-01-01T00:00:00.000Z'
    const samples = [
      { at, pollIntervalSeconds: 60, clockSkewMs: null, spoolDepth: 2 },
      { at, pollIntervalSeconds: 30, clockSkewMs: null, spoolDepth: 5 },
    ]
    expect(summarizeMetric(samples, 'clockSkewMs')).toBeNull()
    expect(summarizeMetric(samples, 'pollIntervalSeconds')).toEqual({ min: 30, max: 60, last: 30, count: 2 })
    expect(summarizeMetric([], 'spoolDepth')).toBeNull()
  })
})
