// (g) Bulk actions on the Target Server Status page: Defect, Force Defection and Re-synchronize of every one of
// 10,000 targets (3 jobs each), timed in-process through the functions the toolbar calls, each on a fresh fleet,
// while a location edit (this process) and poll batches (another process) write meanwhile; against the same action
// on 100 targets (the baseline), and the way before, one transaction per target, on 1,000, in the same run.
import type { MsxContext } from '../../lib/msx/context'
import { resynchronizeTarget, resynchronizeTargets } from '../../lib/msx/resync'
import { type Batched, batchReport, TARGETS_PER_BATCH } from '../../lib/msx/target-batches'
import { defectTarget, defectTargets } from '../../lib/msx/targets'
import { type BulkFleet, createBulkFleet, JOBS_PER_TARGET } from './bulk-fleet'
import { locationWriter, pollWriterProcess, type WriterStats } from './bulk-writers'

export interface BulkTiming {
  action: string
  ms: number
  /** median of BASELINE_ROUNDS fresh fleets */
  baselineMs: number
  oneByOneMs: number
  /** the two writers during the timed action on the large fleet */
  sameProcess: WriterStats
  otherProcess: WriterStats
}

export interface BulkActionResults {
  targets: number
  baselineTargets: number
  oneByOneTargets: number
  jobsPerTarget: number
  targetsPerBatch: number
  timings: BulkTiming[]
}

export interface BulkShape {
  targets: number
  baseline: number
  oneByOne: number
}

type Action = {
  label: string
  together: (ctx: MsxContext, names: string[]) => Promise<Batched<unknown>>
  alone: (ctx: MsxContext, name: string) => Promise<unknown>
}

const ACTIONS: Action[] = [
  { label: 'Defect', together: (ctx, names) => defectTargets(ctx, names), alone: (ctx, n) => defectTarget(ctx, n) },
  {
    label: 'Force Defection',
    together: (ctx, names) => defectTargets(ctx, names, { force: true }),
    alone: (ctx, n) => defectTarget(ctx, n, { force: true }),
  },
  { label: 'Re-synchronize', together: resynchronizeTargets, alone: resynchronizeTarget },
]

/** the baseline is quick to seed and run: its median of a few, steadier than one run on busy cores */
const BASELINE_ROUNDS = 5
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN

const contextOf = (fleet: BulkFleet): MsxContext => ({ db: fleet.db, actor: { name: 'bench', address: 'loopback' } })

/** Times `work` on a fresh fleet of `targets`. */
async function onFreshFleet(targets: number, work: (fleet: BulkFleet) => Promise<void>) {
  const fleet = await createBulkFleet(targets)
  try {
    const started = performance.now()
    await work(fleet)
    return performance.now() - started
  } finally {
    await fleet.close()
  }
}

async function together(action: Action, fleet: BulkFleet) {
  const result = await action.together(contextOf(fleet), fleet.names)
  if (result.done.length !== fleet.names.length || result.stopped)
    throw new Error(
      `${action.label} did ${result.done.length} of ${fleet.names.length} targets: ${batchReport('', result).slice(0, 500)}`,
    )
}

async function timeTogether(action: Action, targets: number) {
  return onFreshFleet(targets, (fleet) => together(action, fleet))
}

/** The large run, with both writers going from before it starts until it ends. */
async function timeWithWriters(action: Action, targets: number) {
  const fleet = await createBulkFleet(targets)
  try {
    const stopOther = await pollWriterProcess(fleet.url, fleet.pollerIds)
    const stopSame = locationWriter(contextOf(fleet))
    const started = performance.now()
    const ended = await together(action, fleet).then(
      () => null,
      (error: unknown) => ({ error }),
    )
    const ms = performance.now() - started
    const writers = { sameProcess: await stopSame(), otherProcess: await stopOther() }
    if (ended) throw ended.error
    return { ms, ...writers }
  } finally {
    await fleet.close()
  }
}

export async function benchBulkActions(shape: BulkShape, say: (line: string) => void): Promise<BulkActionResults> {
  const timings: BulkTiming[] = []
  for (const action of ACTIONS) {
    say(`(g) ${action.label}: a warm-up on 10 targets, then ${shape.baseline} and ${shape.targets}, each fleet fresh`)
    await timeTogether(action, 10)
    const baselineRuns: number[] = []
    for (let round = 0; round < BASELINE_ROUNDS; round++) baselineRuns.push(await timeTogether(action, shape.baseline))
    const baselineMs = median(baselineRuns)
    const large = await timeWithWriters(action, shape.targets)
    say(`(g) ${action.label}: one transaction per target on ${shape.oneByOne}`)
    const oneByOneMs = await onFreshFleet(shape.oneByOne, async (fleet) => {
      for (const name of fleet.names) await action.alone(contextOf(fleet), name)
    })
    timings.push({ action: action.label, baselineMs, oneByOneMs, ...large })
  }
  return {
    targets: shape.targets,
    baselineTargets: shape.baseline,
    oneByOneTargets: shape.oneByOne,
    jobsPerTarget: JOBS_PER_TARGET,
    targetsPerBatch: TARGETS_PER_BATCH,
    timings,
  }
}
