import { describe, expect, it } from 'vitest'
import { type DiagnosisFacts, diagnoseTarget, type RefusalFacts } from './target-diagnosis'

const now = Date.parse('2026-12-03T09:20:00Z')
const clock = { now, time: (iso: string) => iso.slice(11, 16) }
const at = (hhmm: string) => `2026-12-03T${hhmm}:00.000Z`
const secondsAgo = (s: number) => new Date(now - s * 1000).toISOString()

const enlisted: NonNullable<DiagnosisFacts['target']> = {
  state: 'ENLISTED',
  enlistedAt: at('07:20'),
  lastPollAt: secondsAgo(4),
  lastPollAddress: '10.1.2.3',
  pollIntervalSeconds: 60,
  agentVersion: '0.1.0',
  pendingInstructions: 0,
  blockedBy: null,
}
const facts = (over: Partial<DiagnosisFacts> = {}, target: Partial<typeof enlisted> = {}): DiagnosisFacts => ({
  name: 'SQL01',
  masterVersion: '0.1.0',
  gatewayAddress: 'MSX1:3443',
  target: { ...enlisted, ...target },
  refusal: null,
  defection: null,
  ...over,
})
const refusal = (over: Partial<RefusalFacts> = {}): RefusalFacts => ({
  reason: 'certificate_revoked',
  message: 'SQL01 is no longer enlisted: it was force-defected on the master.',
  address: '10.1.2.3',
  firstAt: at('09:11'),
  lastAt: at('09:12'),
  count: 14,
  agentVersion: null,
  revoked: { at: at('09:10'), by: 'alice' },
  ...over,
})
const sentence = (f: DiagnosisFacts) => diagnoseTarget(f, clock).sentence

describe('why a target does (not) download', () => {
  it('polls normally', () => {
    expect(diagnoseTarget(facts(), clock)).toMatchObject({
      verdict: 'normal',
      tone: 'ok',
      sentence: 'Polling normally: last poll 4 s ago from 10.1.2.3',
    })
  })

  it('is refused since its last poll: when, from where and why', () => {
    const later = refusal({ lastAt: '2026-12-03T09:12:30.000Z' })
    expect(sentence(facts({ refusal: later }, { lastPollAt: at('09:12') }))).toBe(
      'Not polling since 09:12: last request refused at 09:12 from 10.1.2.3: certificate revoked at 09:10 by alice',
    )
  })

  it('is not said to be refused when it polls and a refusal is another agent’s', () => {
    expect(diagnoseTarget(facts({ refusal: refusal({ lastAt: secondsAgo(1) }) }), clock).verdict).toBe('normal')
  })

  it('is blocked by an instruction’s error', () => {
    expect(sentence(facts({}, { blockedBy: { id: 4182, errorMessage: 'Proxy not found.' } }))).toBe(
      'Blocked by instruction 4182: Proxy not found. Clear or delete it, or re-synchronize',
    )
  })

  it('polls with an agent refused as too old, or as newer than the master', () => {
    const version = refusal({ reason: 'version_refused', agentVersion: '0.1.0', lastAt: secondsAgo(2), revoked: null })
    const old = facts({ refusal: version, masterVersion: '0.4.0' }, { lastPollAt: null, pendingInstructions: 3 })
    expect(sentence(old)).toBe(
      'Polling, but 3 instructions wait: its agent (0.1.0) is refused as too old: upgrade it to 0.2.0 to 0.4.0',
    )
    const newer = facts({ refusal: { ...version, agentVersion: '0.2.0' } }, { lastPollAt: null })
    expect(sentence(newer)).toBe(
      'Polling, but refused: its agent (0.2.0) is refused as newer than the master: upgrade the master (it accepts 0.0.0 to 0.1.0)',
    )
  })

  it('never polled since enlisted, or stopped polling', () => {
    expect(sentence(facts({}, { lastPollAt: null }))).toBe(
      'Never polled since it was enlisted 2 h ago: check that the agent runs and reaches MSX1:3443 (msx-agent doctor)',
    )
    expect(sentence(facts({}, { lastPollAt: at('09:12') }))).toBe(
      'Not polling since 09:12 (last poll 8 min ago from 10.1.2.3): check that the agent runs and reaches MSX1:3443 (msx-agent doctor)',
    )
  })

  it('is no longer enlisted: how it left, and whether its agent still knocks', () => {
    const defection = { at: at('09:10'), by: 'alice', how: 'force-defected' }
    expect(sentence(facts({ target: null, defection, refusal: refusal() }))).toBe(
      'Not enlisted: force-defected at 09:10 by alice; its agent still knocks: last request at 09:12 from 10.1.2.3, refused (certificate revoked at 09:10 by alice)',
    )
    expect(sentence(facts({ target: null, defection }))).toBe(
      'Not enlisted: force-defected at 09:10 by alice; its agent has not been heard from since',
    )
    expect(sentence(facts({ target: null }))).toBe(
      'No target server is named SQL01, and the master remembers no request from it: enlist it first',
    )
  })

  it('gives the evidence: last poll, address, last refusal and count, pending instructions, agent version', () => {
    const { evidence } = diagnoseTarget(facts({ refusal: refusal() }, { pendingInstructions: 3 }), clock)
    expect(evidence.map((line) => `${line.label}: ${line.text}`)).toEqual([
      'Last poll: 4 s ago (09:19) from 10.1.2.3, every 60 s',
      'Last refusal: 09:12 from 10.1.2.3: certificate revoked at 09:10 by alice; 14 refused requests since 09:11',
      'Refused with: SQL01 is no longer enlisted: it was force-defected on the master.',
      'Pending instructions: 3',
      'Agent version: 0.1.0 (this master, 0.1.0, accepts 0.0.0 to 0.1.0)',
    ])
  })
})
