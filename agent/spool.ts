// The spool: every step and job outcome is written to the local store first (fsync'd), then uploaded, and deleted
// only once the master has it. A run is recorded as in progress when it starts, so that a run a crash
// interrupted is found at the next start, and the step it is on is kept, for the master's Running now.
// Idempotency keys are made here, in the same transaction as the outcome.
import type { OutcomeRecord, RunProgress } from '../lib/protocol/agent-v1'
import type { AgentStore } from './store'

export interface RunStart {
  runId: string
  jobId: number
  jobName: string
  invokedBy: string
  startedAt: Date
}

export interface OpenRun extends RunStart {
  stepNumber: number | null
  stepName: string | null
  stepStartedAt: Date | null
  process: StepProcess | null
}

/** The process group a step runs in, told apart from a later process with the same id by its start time. */
export interface StepProcess {
  pid: number
  start: string
}

export type RunOutcome = Omit<OutcomeRecord, 'idempotencyKey' | 'runId' | 'jobId' | 'jobName'>

interface RunRow {
  run_id: string
  job_id: number
  job_name: string
  invoked_by: string
  started_at: string
  step_number: number | null
  step_name: string | null
  step_started_at: string | null
  process_id: number | null
  process_start: string | null
}

export class Spool {
  /** told whenever an outcome is recorded (the uploader wakes up) */
  onRecorded: () => void = () => {}
  /** told whenever a run starts or enters a step (the uploader reports the runs in progress) */
  onProgress: () => void = () => {}

  constructor(private readonly store: AgentStore) {}

  beginRun(run: RunStart) {
    this.store.db
      .prepare('INSERT INTO runs (run_id, job_id, job_name, invoked_by, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(run.runId, run.jobId, run.jobName, run.invokedBy, run.startedAt.toISOString())
    this.onProgress()
  }

  enterStep(runId: string, step: { stepNumber: number; name: string }, startedAt: Date) {
    this.store.db
      .prepare(
        `UPDATE runs SET step_number = ?, step_name = ?, step_started_at = ?, process_id = NULL, process_start = NULL
         WHERE run_id = ?`,
      )
      .run(step.stepNumber, step.name, startedAt.toISOString(), runId)
    this.onProgress()
  }

  stepProcess(runId: string, process: StepProcess | null) {
    this.store.db
      .prepare('UPDATE runs SET process_id = ?, process_start = ? WHERE run_id = ?')
      .run(process?.pid ?? null, process?.start ?? null, runId)
  }

  /** Records one step run (an attempt that will be retried, or the step's last attempt). */
  recordStep(runId: string, outcome: RunOutcome) {
    this.store.write(() => {
      const run = this.openRun(runId)
      const { records } = this.store.db
        .prepare('UPDATE runs SET records = records + 1 WHERE run_id = ? RETURNING records')
        .get(runId) as { records: number }
      this.insert({
        ...outcome,
        runId,
        jobId: run.job_id,
        jobName: run.job_name,
        idempotencyKey: `${runId}:${records}`,
      })
    })
    this.onRecorded()
  }

  /** Records the job's outcome and closes the run, in one transaction: a run is either open or reported. */
  finishRun(runId: string, outcome: RunOutcome) {
    this.store.write(() => {
      const run = this.openRun(runId)
      this.insert({ ...outcome, runId, jobId: run.job_id, jobName: run.job_name, idempotencyKey: `${runId}:job` })
      this.store.db.prepare('DELETE FROM runs WHERE run_id = ?').run(runId)
    })
    this.onRecorded()
  }

  openRuns(): OpenRun[] {
    const rows = this.store.db.prepare('SELECT * FROM runs ORDER BY started_at').all() as RunRow[]
    return rows.map((r) => ({
      runId: r.run_id,
      jobId: r.job_id,
      jobName: r.job_name,
      invokedBy: r.invoked_by,
      startedAt: new Date(r.started_at),
      stepNumber: r.step_number,
      stepName: r.step_name,
      stepStartedAt: r.step_started_at === null ? null : new Date(r.step_started_at),
      process: r.process_id === null || r.process_start === null ? null : { pid: r.process_id, start: r.process_start },
    }))
  }

  /** The runs in progress as the master is told of them. */
  progress(): RunProgress[] {
    return this.openRuns().map((r) => ({
      runId: r.runId,
      jobId: r.jobId,
      jobName: r.jobName,
      startedAt: r.startedAt.toISOString(),
      stepNumber: r.stepNumber,
      stepName: r.stepName,
      stepStartedAt: r.stepStartedAt?.toISOString() ?? null,
    }))
  }

  /** How many outcomes wait for upload, and since when the oldest has waited. */
  depth(): { count: number; oldestAt: string | null } {
    return this.depthAfter(0)
  }

  /** What will still wait once the outcomes up to `seq` are delivered. */
  depthAfter(seq: number): { count: number; oldestAt: string | null } {
    const row = this.store.db
      .prepare('SELECT COUNT(*) AS count, MIN(recorded_at) AS oldest FROM outcomes WHERE seq > ?')
      .get(seq) as { count: number; oldest: string | null }
    return { count: row.count, oldestAt: row.oldest }
  }

  /** The oldest outcomes, as many as fit in one upload (always at least one). */
  nextBatch(maxCount: number, maxBytes: number): { seqs: number[]; outcomes: OutcomeRecord[] } {
    const rows = this.store.db.prepare('SELECT seq, body FROM outcomes ORDER BY seq LIMIT ?').all(maxCount) as {
      seq: number
      body: string
    }[]
    const batch = { seqs: [] as number[], outcomes: [] as OutcomeRecord[] }
    let bytes = 0
    for (const row of rows) {
      bytes += Buffer.byteLength(row.body)
      if (batch.seqs.length > 0 && bytes > maxBytes) break
      batch.seqs.push(row.seq)
      batch.outcomes.push(JSON.parse(row.body) as OutcomeRecord)
    }
    return batch
  }

  /** The master has these: they leave the spool. */
  delivered(seqs: number[]) {
    const remove = this.store.db.prepare('DELETE FROM outcomes WHERE seq = ?')
    this.store.write(() => {
      for (const seq of seqs) remove.run(seq)
    })
  }

  private openRun(runId: string): RunRow {
    const run = this.store.db.prepare('SELECT * FROM runs WHERE run_id = ?').get(runId) as RunRow | undefined
    if (!run) throw new Error(`run ${runId} is not open`)
    return run
  }

  private insert(outcome: OutcomeRecord) {
    this.store.db
      .prepare('INSERT INTO outcomes (idempotency_key, body, recorded_at) VALUES (?, ?, ?)')
      .run(outcome.idempotencyKey, JSON.stringify(outcome), new Date().toISOString())
  }
}
