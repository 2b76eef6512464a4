// One virtual target: enlists with the swarm's token (unless it kept its identity from an earlier run), then
// long-polls like msx-agent run, carries out what it downloads in memory and acknowledges it. It speaks the real
// protocol over its own TLS connection with its own key and client certificate.
import { createCertificateRequest } from '../../lib/pki/csr'
import { generateKeyPair, privateKeyToPem } from '../../lib/pki/keys'
import {
  ackRequest,
  ackResponse,
  type EnlistRequest,
  enlistResponse,
  type Instruction,
  isFinalRefusal,
  MAX_LONG_POLL_SECONDS,
  MAX_OUTCOMES_PER_UPLOAD,
  type OutcomeRecord,
  outcomesRequest,
  outcomesResponse,
  pollResponse,
  type RefusalCode,
  reenlistRequest,
  reenlistResponse,
} from '../../lib/protocol/agent-v1'
import { Backoff, sleep } from '../backoff'
import { AGENT_VERSION, runAsAccount, systemNow, timeZoneOffsetMinutes } from '../environment'
import { MasterRefused } from '../errors'
import { MasterClient } from '../master-client'
import { applyInMemory, type VirtualState } from './apply'
import type { SwarmContext } from './context'
import type { VirtualIdentity } from './identities'
import { simulateRun } from './job-run'

// the master does not honour this certificate: the identity is dropped, to enlist anew next run
const IDENTITY_LOST: ReadonlySet<string> = new Set<RefusalCode>(['certificate_revoked', 'certificate_unknown'])
const MIN_EMPTY_POLL_GAP_MS = 250

type Ack = { id: number; ok: boolean; error?: string }

export class VirtualTarget {
  /** outcomes of simulated runs not yet taken by the master (kept in memory only) */
  private readonly unsent: OutcomeRecord[] = []

  constructor(
    readonly name: string,
    private readonly ctx: SwarmContext,
    private identity: VirtualIdentity | null,
  ) {}

  get enlisted() {
    return this.identity !== null
  }

  /** Enlists if it has no identity yet; false when it could not (the reason is counted and reported). */
  async enlist(): Promise<boolean> {
    if (this.identity) return true
    const { ctx } = this
    return ctx.enlistLimit.run(async () => {
      if (ctx.signal.aborted) return false
      ctx.stats.enlisting += 1
      try {
        this.identity = await this.requestCertificate()
        if (this.identity) ctx.stats.enlisted += 1
        return this.identity !== null
      } finally {
        ctx.stats.enlisting -= 1
      }
    })
  }

  /** Enlists if needed, then polls until the swarm stops or the master no longer accepts this target. */
  async run(): Promise<void> {
    if (!(await this.enlist()) || !this.identity) return
    const enlistedWith = this.identity
    await this.poll(enlistedWith)
    if (this.identity && this.identity !== enlistedWith) this.ctx.identities.save(this.identity)
  }

  private async requestCertificate(): Promise<VirtualIdentity | null> {
    const { ctx } = this
    const keys = await generateKeyPair()
    const keyPem = await privateKeyToPem(keys.privateKey)
    const body: EnlistRequest = {
      name: this.name,
      location: ctx.location,
      timeZoneOffsetMinutes: timeZoneOffsetMinutes(),
      agentVersion: AGENT_VERSION,
      runAsAccount: runAsAccount(),
      encryptionMode: ctx.encrypt,
      csrPem: await createCertificateRequest(keys, this.name),
      token: ctx.token,
    }
    const client = new MasterClient({ masterUrl: ctx.masterUrl, encrypt: ctx.encrypt, caPem: ctx.caPem })
    const backoff = new Backoff()
    try {
      while (!ctx.signal.aborted) {
        try {
          const answer = await client.post('/enlist', body, enlistResponse, { signal: ctx.signal })
          if (answer.status !== 'enlisted') {
            this.stop(`${this.name} was not enlisted: the master answered "${answer.status}" to its token.`)
            return null
          }
          ctx.enlistedInto({ name: answer.master.name, caPem: answer.caPem })
          const identity = {
            name: answer.name,
            keyPem,
            certPem: answer.certificatePem,
            pollIntervalSeconds: answer.pollIntervalSeconds,
          }
          ctx.identities.save(identity)
          return identity
        } catch (error) {
          if (ctx.signal.aborted) break
          if (error instanceof MasterRefused && error.status < 500) {
            this.stop(`could not enlist: ${error.message}`)
            return null
          }
          this.report(error)
          await sleep(backoff.nextDelayMs(), ctx.signal)
        }
      }
      return null
    } finally {
      client.close()
    }
  }

  private async poll(identity: VirtualIdentity) {
    const { ctx } = this
    const { stats, signal } = ctx
    const client = new MasterClient({ masterUrl: ctx.masterUrl, encrypt: ctx.encrypt, caPem: ctx.caPem, ...identity })
    const state: VirtualState = {
      pollIntervalSeconds: ctx.pollIntervalSeconds ?? identity.pollIntervalSeconds,
      clockOffsetMs: 0,
      jobs: new Map(),
    }
    const acks: Ack[] = []
    const backoff = new Backoff()
    stats.polling += 1
    try {
      while (!signal.aborted) {
        try {
          await this.upload(client)
          if (await this.deliverAcks(client, acks)) return this.defected()
          const wait = Math.min(state.pollIntervalSeconds, MAX_LONG_POLL_SECONDS)
          const started = performance.now()
          stats.waiting += 1
          const answer = await client
            .post(
              '/poll',
              {
                agentVersion: AGENT_VERSION,
                localTime: systemNow().toISOString(),
                pollIntervalSeconds: state.pollIntervalSeconds,
                spoolDepth: 0,
                spoolOldestAt: null,
                waitSeconds: wait,
              },
              pollResponse,
              { timeoutMs: (wait + 30) * 1000, signal },
            )
            .finally(() => {
              stats.waiting -= 1
            })
          stats.polls += 1
          backoff.reset()
          for (const instruction of answer.instructions) {
            if (acks.some((a) => a.id === instruction.id)) continue
            const ack = await this.carryOut(client, state, instruction)
            acks.push(ack)
            if (!ack.ok) break
          }
          // one process stands for many machines: let the others' answers in before this one's acknowledgement
          if (acks.length > 0) await new Promise((resolve) => setImmediate(resolve))
          await this.upload(client)
          if (await this.deliverAcks(client, acks)) return this.defected()
          if (answer.instructions.length === 0 && performance.now() - started < MIN_EMPTY_POLL_GAP_MS)
            await sleep(MIN_EMPTY_POLL_GAP_MS, signal)
        } catch (error) {
          if (signal.aborted) break
          if (error instanceof MasterRefused && isFinalRefusal(error.code)) return this.stopRefused(error)
          this.report(error)
          await sleep(backoff.nextDelayMs(), signal)
        }
      }
    } finally {
      stats.polling -= 1
      client.close()
    }
  }

  private async carryOut(client: MasterClient, state: VirtualState, instruction: Instruction): Promise<Ack> {
    const { ctx } = this
    ctx.stats.instructions += 1
    ctx.hooks.onInstruction?.(this.name, instruction, Date.now())
    const result = applyInMemory(state, instruction)
    if (!result.ok) return { id: instruction.id, ok: false, error: result.error }
    if (result.next === 'reenlist') {
      const info = reenlistRequest.parse({
        location: ctx.location,
        timeZoneOffsetMinutes: timeZoneOffsetMinutes(),
        agentVersion: AGENT_VERSION,
        runAsAccount: runAsAccount(),
        pollIntervalSeconds: Math.max(state.pollIntervalSeconds, 10),
      })
      await client.post('/reenlist', info, reenlistResponse, { signal: ctx.signal })
    } else if (typeof result.next === 'object') {
      this.unsent.push(...simulateRun(result.next.run, ctx.failSteps))
      ctx.stats.runs += 1
    }
    // kept in memory now and written when the swarm stops: a thousand file writes at once would delay the
    // other targets' downloads
    if (instruction.operation === 'SET-POLL' && this.identity)
      this.identity = { ...this.identity, pollIntervalSeconds: state.pollIntervalSeconds }
    return { id: instruction.id, ok: true }
  }

  /** Uploads the outcomes it holds, in batches the protocol allows; the master stores each once. */
  private async upload(client: MasterClient) {
    while (this.unsent.length > 0) {
      const batch = this.unsent.slice(0, MAX_OUTCOMES_PER_UPLOAD)
      await client.post('/outcomes', outcomesRequest.parse({ outcomes: batch }), outcomesResponse, {
        signal: this.ctx.signal,
      })
      this.unsent.splice(0, batch.length)
    }
  }

  /** Sends the acknowledgements it holds; true when the master says this target is no longer enlisted. */
  private async deliverAcks(client: MasterClient, acks: Ack[]): Promise<boolean> {
    if (acks.length === 0) return false
    const answer = await client.post('/ack', ackRequest.parse({ acks }), ackResponse, { signal: this.ctx.signal })
    this.ctx.stats.acknowledged += acks.length
    this.ctx.hooks.onAcknowledged?.(this.name, acks.length, Date.now())
    acks.length = 0
    return !answer.enlisted
  }

  private defected() {
    this.ctx.identities.remove(this.name)
    this.identity = null
    this.ctx.stats.enlisted -= 1
    this.ctx.stats.stopped += 1
    this.ctx.say(`${this.name} defected`)
  }

  /** The master no longer accepts this target; a certificate it does not know is dropped, to enlist anew next run. */
  private stopRefused(error: MasterRefused) {
    if (IDENTITY_LOST.has(error.code)) {
      this.ctx.identities.remove(this.name)
      this.identity = null
      this.ctx.stats.enlisted -= 1
    }
    this.stop(error.message)
  }

  private stop(message: string) {
    this.ctx.stats.stopped += 1
    if (this.ctx.stats.error(message)) this.ctx.say(`error: ${message}`)
  }

  private report(error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    if (this.ctx.stats.error(message)) this.ctx.say(`error: ${message} (retrying with backoff)`)
  }
}
