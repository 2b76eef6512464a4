// What the agent reads from its environment, once: its default data folder (a package's own first), and two knobs for tests and
// simulations (a version to report, and a skew of its own clock).
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { MASTER_VERSION } from '../lib/msx/versions'
import { packaged, packagedDataDir } from './package-config'

const schema = z.object({
  XDG_DATA_HOME: z.string().optional(),
  MSX_AGENT_DATA_DIR: z.string().optional(),
  /** report this version instead of its own (compatibility tests) */
  MSX_AGENT_REPORTED_VERSION: z.string().optional(),
  /** pretend the system clock is off by this many milliseconds (clock-sync tests and demos) */
  MSX_AGENT_CLOCK_SKEW_MS: z.coerce.number().int().default(0),
})

const env = schema.parse(process.env)

/** The agent ships with the master of the same version. */
export const AGENT_VERSION = env.MSX_AGENT_REPORTED_VERSION ?? MASTER_VERSION

export function defaultDataDir() {
  if (env.MSX_AGENT_DATA_DIR) return env.MSX_AGENT_DATA_DIR
  const fromPackage = packaged()
  if (fromPackage) return packagedDataDir(fromPackage)
  const base = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share')
  return path.join(base, 'msx-agent')
}

/** The system clock as this agent sees it. */
export function systemNow(): Date {
  return new Date(Date.now() + env.MSX_AGENT_CLOCK_SKEW_MS)
}

export function timeZoneOffsetMinutes(): number {
  return -new Date().getTimezoneOffset()
}

export function runAsAccount(): string {
  try {
    return os.userInfo().username
  } catch {
    return String(process.getuid?.() ?? '')
  }
}
