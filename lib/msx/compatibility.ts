// Whether a pending enlistment request's target can work with this master (step 4 of the Master Server Wizard):
// its agent version, clock, run-as account and encryption, each a pass, a warning or a failure with its fix.
import { CLOCK_SKEW_TOLERANCE_MS } from './clock-skew'
import { versionVerdict } from './versions'

export type CompatibilityStatus = 'pass' | 'warn' | 'fail'
export type CompatibilityCheckId = 'version' | 'clock' | 'account' | 'encryption'

export interface CompatibilityCheck {
  id: CompatibilityCheckId
  title: string
  status: CompatibilityStatus
  text: string
}

export interface CompatibilityResult {
  name: string
  checks: CompatibilityCheck[]
  /** the worst of the checks */
  status: CompatibilityStatus
  /** why it cannot be enlisted: the failing check's text */
  reason?: string
}

export interface CompatibilityInput {
  name: string
  agentVersion: string
  clockSkewMs: number | null
  runAsAccount: string | null
  encryptionMode: string
}

const RANK: Record<CompatibilityStatus, number> = { pass: 0, warn: 1, fail: 2 }

function versionCheck(request: CompatibilityInput, masterVersion: string): CompatibilityCheck {
  const verdict = versionVerdict(request.agentVersion, masterVersion, request.name)
  return verdict.accepted
    ? {
        id: 'version',
        title: 'Agent version',
        status: 'pass',
        text: `${request.name} runs agent version ${request.agentVersion}, which this master (version ${masterVersion}) accepts.`,
      }
    : { id: 'version', title: 'Agent version', status: 'fail', text: verdict.message }
}

/** "42 s", "1.5 s", "3 min 20 s": enough to judge a clock by. */
export function formatSkew(ms: number): string {
  const seconds = Math.abs(ms) / 1000
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`
  if (seconds < 120) return `${Math.round(seconds)} s`
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)} min ${whole % 60} s`
}

function clockCheck({ name, clockSkewMs }: CompatibilityInput): CompatibilityCheck {
  const title = 'Clock'
  if (clockSkewMs === null)
    return {
      id: 'clock',
      title,
      status: 'warn',
      text: `The clock of ${name} was not reported (its agent is too old to send it when asking to enlist): check that it is synchronized with NTP; jobs' schedules fire by the target's clock.`,
    }
  const direction = clockSkewMs >= 0 ? 'ahead of' : 'behind'
  if (Math.abs(clockSkewMs) <= CLOCK_SKEW_TOLERANCE_MS)
    return {
      id: 'clock',
      title,
      status: 'pass',
      text: `The clock of ${name} is within ${formatSkew(CLOCK_SKEW_TOLERANCE_MS)} of the master's (${formatSkew(clockSkewMs)} ${clockSkewMs >= 0 ? 'ahead' : 'behind'}).`,
    }
  return {
    id: 'clock',
    title,
    status: 'warn',
    text: `The clock of ${name} is ${formatSkew(clockSkewMs)} ${direction} the master: synchronize it with NTP; jobs' schedules fire by the target's clock.`,
  }
}

// accounts with every right on the machine; "DOMAIN\Administrator" and "NT AUTHORITY\SYSTEM" count by their last part
const PRIVILEGED_ACCOUNTS = new Set(['root', 'administrator', 'system'])

function accountCheck({ name, runAsAccount }: CompatibilityInput): CompatibilityCheck {
  const title = 'Run-as account'
  const account = runAsAccount?.trim() ?? ''
  if (!account)
    return {
      id: 'account',
      title,
      status: 'warn',
      text: `${name} did not report the account it runs jobs as: check on the target that msx-agent runs as a dedicated account, not root or Administrator.`,
    }
  const bare = account.split('\\').pop()?.toLowerCase() ?? ''
  if (PRIVILEGED_ACCOUNTS.has(bare))
    return {
      id: 'account',
      title,
      status: 'warn',
      text: `${name} runs jobs as ${account}, with every right on the machine: run msx-agent as a dedicated account with only the rights its jobs need.`,
    }
  return { id: 'account', title, status: 'pass', text: `${name} runs jobs as ${account}.` }
}

function encryptionCheck({ name, encryptionMode }: CompatibilityInput): CompatibilityCheck {
  const title = 'Encryption'
  if (encryptionMode === 'strict')
    return { id: 'encryption', title, status: 'pass', text: `${name} encrypts and validates the master's certificate.` }
  if (encryptionMode === 'no-verify')
    return {
      id: 'encryption',
      title,
      status: 'warn',
      text: `${name} encrypts without validating the master's certificate: enlist it with --ca-fingerprint for full validation.`,
    }
  if (encryptionMode === 'off')
    return {
      id: 'encryption',
      title,
      status: 'warn',
      text: `${name} talks to the master without encryption, which is for a loopback lab only: enlist it with --ca-fingerprint for full validation.`,
    }
  return {
    id: 'encryption',
    title,
    status: 'warn',
    text: `${name} reported an unknown encryption mode "${encryptionMode}": enlist it with --ca-fingerprint for full validation.`,
  }
}

/** Every check of one request against this master's version; the overall status is the worst check's. */
export function checkCompatibility(request: CompatibilityInput, masterVersion: string): CompatibilityResult {
  const checks = [
    versionCheck(request, masterVersion),
    clockCheck(request),
    accountCheck(request),
    encryptionCheck(request),
  ]
  const worst = checks.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a))
  const failed = checks.find((c) => c.status === 'fail')
  return { name: request.name, checks, status: worst.status, ...(failed ? { reason: failed.text } : {}) }
}
