// N virtual targets in one process against one master (like Fleet's osquery-perf or Salt's minionswarm):
// enlisted at a bounded concurrency, started over a ramp-up with jitter, each polling on its own TLS connection.
import { setMaxListeners } from 'node:events'
import fs from 'node:fs'
import { normalizeFingerprint } from '../../lib/pki/fingerprint'
import { sleep } from '../backoff'
import { AgentError } from '../errors'
import { assertEncryptSupported, type EncryptMode, fetchPinnedCa } from '../trust'
import type { SwarmContext, SwarmHooks } from './context'
import { IdentityStore, type MasterRecord } from './identities'
import { Limit } from './limit'
import { defaultRampUpSeconds, startDelays, virtualTargetNames } from './ramp'
import { SwarmStats } from './stats'
import { VirtualTarget } from './virtual-target'

export interface SwarmOptions {
  master: string
  count: number
  token?: string
  caFingerprint?: string
  caFile?: string
  encrypt: EncryptMode
  pollIntervalSeconds?: number
  prefix: string
  dataDir: string
  failSteps: boolean
  enlistConcurrency: number
  rampUpSeconds?: number
  location: string
}

export class Swarm {
  readonly stats: SwarmStats
  private readonly targets: VirtualTarget[]
  private readonly ctx: SwarmContext

  private constructor(ctx: SwarmContext, targets: VirtualTarget[]) {
    this.ctx = ctx
    this.stats = ctx.stats
    this.targets = targets
  }

  /** Checks the options against what the data folder holds, and settles how the master is trusted. */
  static async open(
    options: SwarmOptions,
    signal: AbortSignal,
    say: (line: string) => void,
    hooks: SwarmHooks = {},
  ): Promise<Swarm> {
    assertEncryptSupported(options.encrypt)
    const masterUrl = new URL(options.master).href
    const identities = new IdentityStore(options.dataDir)
    const stored = identities.master()
    if (stored && stored.masterUrl !== masterUrl)
      throw new AgentError(
        `${options.dataDir} holds virtual targets enlisted into master ${stored.masterName} at ${stored.masterUrl}: give another --data-dir for ${masterUrl}.`,
        2,
      )
    const names = virtualTargetNames(options.prefix, options.count)
    const held = names.map((name) => identities.load(name))
    const missing = held.filter((identity) => identity === null).length
    if (missing > 0 && !options.token)
      throw new AgentError(
        `--token is needed to enlist ${missing} virtual target(s) (${options.dataDir} holds ${options.count - missing}).`,
        2,
      )
    // each target legitimately waits on the signal (a poll, a backoff) at the same time as all the others
    setMaxListeners(options.count * 4 + 16, signal)
    const stats = new SwarmStats(options.count)
    stats.enlisted = options.count - missing
    let record: MasterRecord | null = stored
    const caPem = await trustedCa(new URL(masterUrl), options, stored)
    const ctx: SwarmContext = {
      masterUrl,
      encrypt: options.encrypt,
      caPem,
      token: options.token,
      location: options.location,
      pollIntervalSeconds: options.pollIntervalSeconds,
      failSteps: options.failSteps,
      identities,
      enlistLimit: new Limit(options.enlistConcurrency),
      stats,
      hooks,
      signal,
      say,
      enlistedInto(master) {
        if (record) return
        record = { masterUrl, masterName: master.name, encrypt: options.encrypt, caPem: caPem ?? master.caPem }
        identities.saveMaster(record)
      },
    }
    const targets = names.map((name, i) => new VirtualTarget(name, ctx, held[i] ?? null))
    return new Swarm(ctx, targets)
  }

  /** Enlists every target without an identity (no polling); resolves when each has enlisted or failed. */
  async enlistAll(): Promise<void> {
    await Promise.all(this.targets.map((target) => target.enlist()))
  }

  /** Starts every target over the ramp-up; resolves once all have stopped (the signal, or refusals). */
  async run(rampUpSeconds = defaultRampUpSeconds(this.targets.length)): Promise<void> {
    const delays = startDelays(this.targets.length, rampUpSeconds * 1000)
    await Promise.all(
      this.targets.map(async (target, i) => {
        await sleep(delays[i] ?? 0, this.ctx.signal)
        if (!this.ctx.signal.aborted) await target.run()
      }),
    )
  }
}

async function trustedCa(masterUrl: URL, options: SwarmOptions, stored: MasterRecord | null) {
  if (options.encrypt !== 'strict') return stored?.caPem
  if (options.caFile) {
    if (!fs.existsSync(options.caFile)) throw new AgentError(`--ca-file ${options.caFile} does not exist.`, 2)
    return fs.readFileSync(options.caFile, 'utf8')
  }
  if (options.caFingerprint) {
    const fingerprint = normalizeFingerprint(options.caFingerprint)
    if (!fingerprint)
      throw new AgentError('--ca-fingerprint must be a SHA-256 fingerprint: sha256: followed by 64 hex digits.', 2)
    return fetchPinnedCa(masterUrl, fingerprint)
  }
  if (stored) return stored.caPem
  throw new AgentError(
    'Strict encryption validates the master: give --ca-fingerprint sha256:... (from `msx ca-fingerprint` on the master) or --ca-file, or choose --encrypt no-verify.',
    2,
  )
}
