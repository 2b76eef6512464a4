// Why a target server does (not) download, in one sentence with its evidence: the rule behind the target page's
// Connection card and msx diagnose. Pure (client-safe): the facts come from target-diagnosis-facts.ts.
import type { RefusalReason } from './refusal-reasons'
import { REFUSAL_REASON_WORDS } from './refusal-reasons'
import { formatAge, OFFLINE_AFTER_POLL_INTERVALS } from './status'
import { acceptedVersions, parseVersion } from './versions'

export interface RefusalFacts {
  reason: RefusalReason
  message: string
  address: string
  firstAt: string
  lastAt: string
  count: number
  agentVersion: string | null
  /** the refused certificate was revoked: when, and by whom where the activity log says */
  revoked: { at: string; by: string | null } | null
}

export interface DiagnosisFacts {
  name: string
  masterVersion: string
  /** where agents reach the gateway, e.g. MSX1:3443 */
  gatewayAddress: string
  target: {
    state: string
    enlistedAt: string
    lastPollAt: string | null
    lastPollAddress: string | null
    pollIntervalSeconds: number
    agentVersion: string
    pendingInstructions: number
    blockedBy: { id: number; errorMessage: string } | null
  } | null
  /** the newest refused request that concerns this name */
  refusal: RefusalFacts | null
  /** when the name is no longer enlisted: how it left, as the activity log tells */
  defection: { at: string; by: string; how: string } | null
}

export type Verdict =
  | 'normal'
  | 'refused'
  | 'version-refused'
  | 'blocked'
  | 'never-polled'
  | 'not-polling'
  | 'pending'
  | 'defecting'
  | 'not-enlisted'

export interface Diagnosis {
  verdict: Verdict
  tone: 'ok' | 'warning' | 'error'
  sentence: string
  evidence: { label: string; text: string }[]
}

export interface DiagnosisClock {
  now: number
  /** a moment as the reader reads times: "09:12", or with the day when it is not today */
  time(iso: string): string
}

/** a poll this much later than its interval is late (a long poll is answered at most one interval after it came) */
const LATE_GRACE_MS = 10_000

const ago = (iso: string, clock: DiagnosisClock) => `${formatAge(clock.now - Date.parse(iso))} ago`
const sentenceEnd = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

function refusedWhy(refusal: RefusalFacts, clock: DiagnosisClock) {
  if (refusal.reason === 'certificate_revoked' && refusal.revoked)
    return `certificate revoked at ${clock.time(refusal.revoked.at)}${refusal.revoked.by ? ` by ${refusal.revoked.by}` : ''}`
  return REFUSAL_REASON_WORDS[refusal.reason]
}

function versionWords(refusal: RefusalFacts, masterVersion: string) {
  const agent = parseVersion(refusal.agentVersion ?? '')
  const master = parseVersion(masterVersion)
  const newer =
    agent && master && (agent.major - master.major || agent.minor - master.minor || agent.patch - master.patch) > 0
  return newer
    ? `newer than the master: upgrade the master (it accepts ${acceptedVersions(masterVersion)})`
    : `too old: upgrade it to ${acceptedVersions(masterVersion)}`
}

function evidenceOf(facts: DiagnosisFacts, clock: DiagnosisClock): Diagnosis['evidence'] {
  const lines: Diagnosis['evidence'] = []
  const { target, refusal, defection } = facts
  if (defection)
    lines.push({ label: 'Left', text: `${defection.how} at ${clock.time(defection.at)} by ${defection.by}` })
  if (target) {
    const from = target.lastPollAddress ? ` from ${target.lastPollAddress}` : ''
    lines.push({
      label: 'Last poll',
      text: target.lastPollAt
        ? `${ago(target.lastPollAt, clock)} (${clock.time(target.lastPollAt)})${from}, every ${target.pollIntervalSeconds} s`
        : `never; enlisted ${ago(target.enlistedAt, clock)} (${clock.time(target.enlistedAt)})`,
    })
  }
  if (refusal) {
    lines.push({
      label: 'Last refusal',
      text: `${clock.time(refusal.lastAt)} from ${refusal.address}: ${refusedWhy(refusal, clock)}; ${plural(refusal.count, 'refused request')} since ${clock.time(refusal.firstAt)}`,
    })
    lines.push({ label: 'Refused with', text: refusal.message })
  } else lines.push({ label: 'Last refusal', text: 'none remembered' })
  if (target) {
    const blocked = target.blockedBy ? `; blocked by instruction ${target.blockedBy.id}` : ''
    lines.push({
      label: 'Pending instructions',
      text: `${target.pendingInstructions.toLocaleString('en-US')}${blocked}`,
    })
    const reported =
      refusal?.agentVersion && refusal.agentVersion !== target.agentVersion
        ? `; its refused request reported ${refusal.agentVersion}`
        : ''
    lines.push({
      label: 'Agent version',
      text: `${target.agentVersion}${reported} (this master, ${facts.masterVersion}, accepts ${acceptedVersions(facts.masterVersion)})`,
    })
  }
  return lines
}

function notEnlisted(facts: DiagnosisFacts, clock: DiagnosisClock): Omit<Diagnosis, 'evidence'> {
  const { refusal, defection } = facts
  const knocks = refusal && (!defection || Date.parse(refusal.lastAt) >= Date.parse(defection.at)) ? refusal : null
  const knocking = knocks
    ? `its agent still knocks: last request at ${clock.time(knocks.lastAt)} from ${knocks.address}, refused (${refusedWhy(knocks, clock)})`
    : 'its agent has not been heard from since'
  if (defection)
    return {
      verdict: 'not-enlisted',
      tone: knocks ? 'warning' : 'ok',
      sentence: `Not enlisted: ${defection.how} at ${clock.time(defection.at)} by ${defection.by}; ${knocking}`,
    }
  if (knocks)
    return {
      verdict: 'not-enlisted',
      tone: 'warning',
      sentence: `Not enlisted, but an agent knocks as ${facts.name}: last request at ${clock.time(knocks.lastAt)} from ${knocks.address}, refused (${refusedWhy(knocks, clock)})`,
    }
  return {
    verdict: 'not-enlisted',
    tone: 'warning',
    sentence: `No target server is named ${facts.name}, and the master remembers no request from it: enlist it first`,
  }
}

/** Refused after its last poll, and that poll is late: a refusal beside a target that polls is another agent's. */
function refusedSinceLastPoll(
  refusal: RefusalFacts,
  target: NonNullable<DiagnosisFacts['target']>,
  clock: DiagnosisClock,
) {
  if (!target.lastPollAt) return true
  const lastPoll = Date.parse(target.lastPollAt)
  return (
    Date.parse(refusal.lastAt) > lastPoll && clock.now - lastPoll > target.pollIntervalSeconds * 1000 + LATE_GRACE_MS
  )
}

function enlisted(
  facts: DiagnosisFacts,
  target: NonNullable<DiagnosisFacts['target']>,
  clock: DiagnosisClock,
): Omit<Diagnosis, 'evidence'> {
  const { refusal } = facts
  const reach = `check that the agent runs and reaches ${facts.gatewayAddress} (msx-agent doctor)`
  if (target.state === 'PENDING')
    return {
      verdict: 'pending',
      tone: 'warning',
      sentence: `Enlisted ${ago(target.enlistedAt, clock)}, waiting for its agent to collect its certificate: ${reach}`,
    }
  const refusedSincePoll = refusal && refusedSinceLastPoll(refusal, target, clock) ? refusal : null
  if (refusedSincePoll?.reason === 'version_refused') {
    const wait =
      target.pendingInstructions > 0
        ? `${plural(target.pendingInstructions, 'instruction')} ${target.pendingInstructions === 1 ? 'waits' : 'wait'}`
        : 'refused'
    return {
      verdict: 'version-refused',
      tone: 'error',
      sentence: `Polling, but ${wait}: its agent (${refusedSincePoll.agentVersion ?? 'unknown version'}) is refused as ${versionWords(refusedSincePoll, facts.masterVersion)}`,
    }
  }
  const since = target.lastPollAt
    ? `Not polling since ${clock.time(target.lastPollAt)}`
    : `Never polled since it was enlisted ${ago(target.enlistedAt, clock)}`
  if (refusedSincePoll)
    return {
      verdict: 'refused',
      tone: 'error',
      sentence: `${since}: last request refused at ${clock.time(refusedSincePoll.lastAt)} from ${refusedSincePoll.address}: ${refusedWhy(refusedSincePoll, clock)}`,
    }
  if (target.blockedBy)
    return {
      verdict: 'blocked',
      tone: 'error',
      sentence: `Blocked by instruction ${target.blockedBy.id}: ${sentenceEnd(target.blockedBy.errorMessage)} Clear or delete it, or re-synchronize`,
    }
  if (!target.lastPollAt) return { verdict: 'never-polled', tone: 'warning', sentence: `${since}: ${reach}` }
  const from = target.lastPollAddress ? ` from ${target.lastPollAddress}` : ''
  const silentMs = clock.now - Date.parse(target.lastPollAt)
  if (silentMs > OFFLINE_AFTER_POLL_INTERVALS * target.pollIntervalSeconds * 1000)
    return {
      verdict: 'not-polling',
      tone: 'error',
      sentence: `${since} (last poll ${ago(target.lastPollAt, clock)}${from}): ${reach}`,
    }
  if (target.state === 'DEFECTING')
    return {
      verdict: 'defecting',
      tone: 'warning',
      sentence: `Defecting: it leaves at its next poll; last poll ${ago(target.lastPollAt, clock)}${from}`,
    }
  return {
    verdict: 'normal',
    tone: 'ok',
    sentence: `Polling normally: last poll ${ago(target.lastPollAt, clock)}${from}`,
  }
}

export function diagnoseTarget(facts: DiagnosisFacts, clock: DiagnosisClock): Diagnosis {
  const found = facts.target ? enlisted(facts, facts.target, clock) : notEnlisted(facts, clock)
  return { ...found, evidence: evidenceOf(facts, clock) }
}
