// msx-agent simulate's options, as commander hands them over (strings), checked and converted in one place.
import { z } from 'zod'
import { serverName } from '../../lib/msx/names'
import { ENCRYPT_MODES } from '../trust'
import type { SwarmOptions } from './swarm'

const whole = (flag: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${flag} takes a number` })
    .int(`${flag} takes a whole number`)
    .min(min, `${flag} is at least ${min}`)
    .max(max, `${flag} is at most ${max.toLocaleString('en-US')}`)

const seconds = (flag: string, max: number) =>
  z.coerce
    .number({ error: `${flag} takes a number of seconds` })
    .min(0, `${flag} cannot be negative`)
    .max(max, `${flag} is at most ${max} seconds`)

const cliOptions = z.object({
  master: z.url({ protocol: /^https$/, error: '--master is the agent gateway URL, e.g. https://127.0.0.1:3443' }),
  count: whole('--count', 1, 100_000),
  token: z.string().min(1).optional(),
  caFingerprint: z.string().optional(),
  caFile: z.string().optional(),
  encrypt: z.enum(ENCRYPT_MODES).default('strict'),
  pollInterval: whole('--poll-interval', 1, 28_800).optional(),
  prefix: z.string().default('SIM'),
  dataDir: z.string().min(1),
  failSteps: z.boolean().default(false),
  enlistConcurrency: whole('--enlist-concurrency', 1, 256).default(8),
  rampUp: seconds('--ramp-up', 3600).optional(),
  reportEvery: seconds('--report-every', 3600).default(5),
  location: z.string().max(200).default('simulated'),
})

export interface SimulateOptions extends SwarmOptions {
  reportEverySeconds: number
}

/** The options as the swarm takes them; a usage error names the flag and what is wrong with it. */
export function parseSimulateOptions(raw: Record<string, unknown>): SimulateOptions {
  const parsed = cliOptions.safeParse(raw)
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '))
  const o = parsed.data
  const sample = serverName.safeParse(`${o.prefix}-${o.count}`)
  if (!sample.success)
    throw new Error(`--prefix "${o.prefix}" does not make server names: ${sample.error.issues[0]?.message}`)
  return {
    master: o.master,
    count: o.count,
    token: o.token,
    caFingerprint: o.caFingerprint,
    caFile: o.caFile,
    encrypt: o.encrypt,
    pollIntervalSeconds: o.pollInterval,
    prefix: o.prefix,
    dataDir: o.dataDir,
    failSteps: o.failSteps,
    enlistConcurrency: o.enlistConcurrency,
    rampUpSeconds: o.rampUp,
    location: o.location,
    reportEverySeconds: o.reportEvery,
  }
}
