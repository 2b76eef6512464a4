// msx-agent run: the poll loop. Holds a long poll open up to the polling interval, carries out what it
// downloads in order, records each outcome locally before acknowledging it, and backs off with jitter while
// the master cannot be reached. Beside it: the held jobs' schedules, the jobs running, and the upload of their
// outcomes from the spool. On SIGINT/SIGTERM running jobs are stopped and recorded as canceled before it exits.

import type { Log } from '../lib/log'
import { ackRequest, ackResponse, isFinalRefusal, MAX_LONG_POLL_SECONDS, pollResponse } from '../lib/protocol/agent-v1'
import { applyInstruction, type JobControl } from './apply-instruction'
import { Backoff, sleep } from './backoff'
import { AGENT_VERSION, systemNow } from './environment'
import { AgentError, MasterRefused, MasterUnreachable } from './errors'
import { forgetIdentity, loadIdentity } from './identity'
import { MasterClient } from './master-client'
import { OutcomeUploader } from './outcome-uploader'
import { recordRefusal } from './refusal'
import { JobRunner } from './runner/job-runner'
import { masterClock } from './runner/master-clock'
import { reportInterruptedRuns } from './runner/recovery'
import { Scheduler } from './runner/scheduler'
import { Spool } from './spool'
import { AgentStore } from './store'
import type { EncryptMode } from './trust'

const MIN_EMPTY_POLL_GAP_MS = 250
/** At shutdown, how long the last outcomes may take to reach the master before they wait in the spool. */
const FINAL_UPLOAD_MS = 5000
const AGENT_STOPPED = 'the agent stopped while the job ran'

export type RunResult = 'stopped' | 'defected'

export async function runAgent(dataDir: string, log: Log, signal: AbortSignal): Promise<RunResult> {
  const store = new AgentStore(dataDir)
  const identity = loadIdentity(dataDir)
  if (store.get('state') !== 'enlisted' || !identity)
    throw new AgentError(
      store.get('state') === 'pending'
        ? 'This agent awaits approval on the master: run the enlist command again to wait for it.'
        : 'This agent is not enlisted: run msx-agent enlist first.',
    )
  const client = new MasterClient({
    masterUrl: store.get('masterUrl') ?? '',
    encrypt: (store.get('encrypt') ?? 'strict') as EncryptMode,
    caPem: store.get('caPem'),
    ...identity,
  })
  const name = store.get('name')
  const masterName = store.get('masterName')
  // this run asks the master again: a refusal that stopped the last one is recorded anew if it still holds
  store.unset('refusal')
  const backoff = new Backoff()
  const spool = new Spool(store)
  const now = masterClock(store)
  reportInterruptedRuns(spool, log, now())
  const runner = new JobRunner({ store, spool, log, now })
  const scheduler = new Scheduler({ store, runner, log, now })
  const uploader = new OutcomeUploader(spool, client, log)
  spool.onRecorded = () => uploader.outcomeRecorded()
  spool.onProgress = () => uploader.progressChanged()
  const jobs: JobControl = {
    start: (jobId, invokedBy, startStep) => runner.start(jobId, invokedBy, startStep),
    stop: (jobId, reason) => runner.stop(jobId, reason),
    changed: () => scheduler.refresh(),
  }
  /** Before a DEFECT is acknowledged: the master forgets this target then, so its last outcomes go first. */
  const settleBeforeDefecting = async () => {
    scheduler.stop()
    await runner.stopAll('the target defected from the master')
    await uploader.flush(FINAL_UPLOAD_MS)
  }
  scheduler.refresh()
  const uploading = uploader.run(signal)
  try {
    const interval = () => Number(store.get('pollIntervalSeconds') ?? 60)
    // after a restart, spread the first polls of many agents over a few seconds
    await sleep(Math.random() * Math.min(2, interval()) * 1000, signal)
    log.info(`${name} polling master ${masterName} at ${store.get('masterUrl')} every ${interval()} s`)
    while (!signal.aborted) {
      try {
        if (await deliverAcks(store, client, signal))
          return finishDefection(store, dataDir, log, `${name} defected from master ${masterName}.`)
        const started = Date.now()
        const sentAt = systemNow()
        const spooled = spool.depth()
        const answer = await client.post(
          '/poll',
          {
            agentVersion: AGENT_VERSION,
            localTime: sentAt.toISOString(),
            pollIntervalSeconds: interval(),
            spoolDepth: spooled.count,
            spoolOldestAt: spooled.oldestAt,
            waitSeconds: Math.min(interval(), MAX_LONG_POLL_SECONDS),
          },
          pollResponse,
          { timeoutMs: (Math.min(interval(), MAX_LONG_POLL_SECONDS) + 30) * 1000, signal },
        )
        store.set({ lastPollAt: new Date().toISOString(), lastClockSkewMs: answer.clockSkewMs })
        if (backoff.failing) log.info(`master ${masterName} reachable again`)
        backoff.reset()
        uploader.masterReachable()
        if (answer.blockedBy)
          log.warn(
            `downloads are blocked: instruction ${answer.blockedBy.id} failed (${answer.blockedBy.errorMessage}); waiting for the master to clear or delete it`,
          )
        for (const instruction of answer.instructions) {
          if (store.hasAck(instruction.id)) {
            // carried out, its acknowledgement not yet delivered (it goes with the next one): once is enough
            log.info(`instruction ${instruction.id} ${instruction.operation} was carried out already: not again`)
            continue
          }
          const result = await applyInstruction(instruction, { store, client, log, jobs })
          if (result.ok && result.defect) await settleBeforeDefecting()
          store.recordAck(instruction.id, result.ok, result.ok ? undefined : result.error)
          if (!result.ok) {
            log.error(`instruction ${instruction.id} ${instruction.operation} failed: ${result.error}`)
            break
          }
        }
        if (await deliverAcks(store, client, signal))
          return finishDefection(store, dataDir, log, `${name} defected from master ${masterName}.`)
        if (answer.instructions.length === 0 && Date.now() - started < MIN_EMPTY_POLL_GAP_MS)
          await sleep(MIN_EMPTY_POLL_GAP_MS, signal)
      } catch (error) {
        if (signal.aborted) break
        if (error instanceof MasterRefused && isFinalRefusal(error.code)) {
          recordRefusal(store, error)
          throw new AgentError(error.message, 3)
        }
        const delay = backoff.nextDelayMs()
        const why = error instanceof MasterUnreachable || error instanceof MasterRefused ? error.message : String(error)
        log.warn(`${why} Retrying in ${(delay / 1000).toFixed(1)} s.`)
        await sleep(delay, signal)
      }
    }
    log.info(`${name} stopped`)
    return 'stopped'
  } finally {
    scheduler.stop()
    await runner.stopAll(AGENT_STOPPED)
    uploader.stop()
    await uploading
    if (store.get('state') === 'enlisted' && spool.depth().count > 0 && !(await uploader.flush(FINAL_UPLOAD_MS)))
      log.warn(`${spool.depth().count} outcome(s) stay spooled until the agent runs again`)
    client.close()
    store.close()
  }
}

/** Sends recorded acknowledgements; true when the master says this target is no longer enlisted (DEFECT done). */
async function deliverAcks(store: AgentStore, client: MasterClient, signal: AbortSignal): Promise<boolean> {
  const acks = store.pendingAcks()
  if (acks.length === 0) return false
  const answer = await client.post('/ack', ackRequest.parse({ acks }), ackResponse, { signal })
  store.deliveredAcks(acks.map((a) => a.id))
  return !answer.enlisted
}

function finishDefection(store: AgentStore, dataDir: string, log: Log, message: string): RunResult {
  store.clearEnlistment()
  forgetIdentity(dataDir)
  log.info(message)
  return 'defected'
}
