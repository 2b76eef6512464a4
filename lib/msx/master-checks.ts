// The checks of the master (step 1 of the Master Server Wizard): each verdict is a plain function of facts
// gathered elsewhere (master-checks-collect.ts), so every rule can be tested without a database or a network.
import { CLOCK_SKEW_TOLERANCE_MS, clockSkewAcceptable } from './clock-skew'
import { firewallRule } from './network'
import { acceptedVersions } from './versions'

export type MasterCheckStatus = 'pass' | 'warn' | 'fail'

export interface MasterCheck {
  id: string
  title: string
  status: MasterCheckStatus
  summary: string
  /** what to do, in one sentence; set when the check does not pass */
  fix?: string
}

export { certificatesCheck } from './master-checks-certificates'
export { gatewayCheck } from './master-checks-gateway'

const providerName = { sqlite: 'SQLite', postgresql: 'PostgreSQL' } as const

export interface DatabaseFacts {
  provider: 'sqlite' | 'postgresql'
  location: string
  /** why the database could not be reached; absent when it answered */
  error?: string
  /** migration folders of this version that the database has not applied */
  pending: string[]
  /** migrations the database has applied that this version does not hold */
  unknown: string[]
  applied: number
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function databaseCheck(f: DatabaseFacts): MasterCheck {
  const where = `${providerName[f.provider]} at ${f.location}`
  const check = { id: 'database', title: 'Database' }
  if (f.error !== undefined)
    return {
      ...check,
      status: 'fail',
      summary: `${where} cannot be reached: ${f.error}`,
      fix: 'Check that the database is running and that DATABASE_URL names it, then restart the master.',
    }
  if (f.pending.length > 0)
    return {
      ...check,
      status: 'fail',
      summary: `${where} is reachable, but ${plural(f.pending.length, 'migration')} of this version ${f.pending.length === 1 ? 'is' : 'are'} not applied: ${f.pending.join(', ')}.`,
      fix: 'Restart the master, which applies migrations at start, or run npm run db:migrate -- deploy.',
    }
  if (f.unknown.length > 0)
    return {
      ...check,
      status: 'warn',
      summary: `${where} has ${plural(f.unknown.length, 'migration')} this version does not know (${f.unknown.join(', ')}): a newer version of the master migrated it.`,
      fix: 'Run the newer version of the master that migrated this database.',
    }
  return { ...check, status: 'pass', summary: `${where} is reachable, with all ${f.applied} migrations applied.` }
}

export function versionsCheck(masterVersion: string): MasterCheck {
  return {
    id: 'versions',
    title: 'Versions',
    status: 'pass',
    summary: `This master is version ${masterVersion}. It accepts agents ${acceptedVersions(masterVersion)}: its own minor release and the two before it; newer or older agents are refused.`,
  }
}

export type ClockFacts =
  | { provider: 'sqlite' }
  | { provider: 'postgresql'; skewMs: number }
  | { provider: 'postgresql'; error: string }

const seconds = (ms: number) => `${(Math.abs(ms) / 1000).toFixed(1)} s`

export function clockCheck(f: ClockFacts): MasterCheck {
  const check = { id: 'clock', title: 'Clock' }
  if (f.provider === 'sqlite')
    return { ...check, status: 'pass', summary: 'The database is a file on this server: one clock.' }
  if ('error' in f)
    return {
      ...check,
      status: 'warn',
      summary: `The database server's clock could not be read: ${f.error}`,
      fix: 'Make the database reachable (see the Database check), then run the checks again.',
    }
  const tolerance = `${CLOCK_SKEW_TOLERANCE_MS / 1000} s`
  if (clockSkewAcceptable(f.skewMs))
    return {
      ...check,
      status: 'pass',
      summary: `The database server's clock and this server's differ by ${seconds(f.skewMs)} (up to ${tolerance} is fine).`,
    }
  return {
    ...check,
    status: 'warn',
    summary: `The database server's clock is ${seconds(f.skewMs)} ${f.skewMs > 0 ? 'ahead of' : 'behind'} this server's (more than ${tolerance}): times the master records and shows disagree.`,
    fix: "Synchronize both servers' clocks with NTP.",
  }
}

export function networkCheck(masterName: string, gatewayPort: number, dashboardPort: number): MasterCheck {
  return {
    id: 'network',
    title: 'Network',
    status: 'pass',
    summary: firewallRule(masterName, gatewayPort, dashboardPort),
  }
}
