// Acting on many target servers at once (Defect, Force Defection, Re-synchronize on thousands of rows): in batches
// of a few hundred, each one short transaction, so the master's other writers (poll batches, outcome uploads, a
// location edit) get in between; and each batch takes its targets, then their job holdings, in a stable order, so
// on PostgreSQL two writers never wait on each other in a circle.
import 'server-only'
import type { TargetServer } from '../../generated/sqlite/client'
import { takeWriteLock } from '../db/busy'
import { providerOf, type Tx } from '../db/client'
import { chunks, join } from '../db/sql'
import { type MsxContext, transaction } from './context'
import { isMsxError, type MsxError, notFound } from './errors'
import { nameKey } from './names'

export const TARGETS_PER_BATCH = 500
const SQLITE_GAP_MS = 10
/** Prisma refuses a query with more than 999 bound values on SQLite. */
const NAMES_PER_LOOKUP = 900

/** A target the action was refused for, without holding back the others. */
export interface Refusal {
  name: string
  error: MsxError
}

/** What one batch did: the targets it acted on, and those it refused. */
export interface BatchOutcome<T> {
  done: T[]
  refused: Refusal[]
}

export interface Batched<T> extends BatchOutcome<T> {
  /** a batch failed: it was rolled back, and neither it nor the batches after it were done */
  stopped?: { error: unknown; notDone: string[] }
}

/** What the bulk actions read of each target: no more, as mapping whole rows was most of a batch's time. */
const batchColumns = { id: true, name: true, state: true, certFingerprint: true } as const
export type BatchTarget = Pick<TargetServer, keyof typeof batchColumns>

type Act<T> = (tx: Tx, targets: BatchTarget[]) => Promise<BatchOutcome<T>>

const gone = (name: string): Refusal => ({ name, error: notFound(`No target server is named "${name}".`) })

/** Runs `act` on the named targets, batch by batch in id order; names given twice count once. */
export async function inTargetBatches<T>(
  ctx: MsxContext,
  names: string[],
  act: Act<T>,
  size = TARGETS_PER_BATCH,
): Promise<Batched<T>> {
  const given = new Map(names.map((name) => [nameKey(name), name]))
  const found: { id: number; name: string }[] = []
  for (const keys of chunks([...given.keys()], NAMES_PER_LOOKUP))
    found.push(
      ...(await ctx.db.targetServer.findMany({ where: { nameKey: { in: keys } }, select: { id: true, name: true } })),
    )
  const known = new Set(found.map((t) => nameKey(t.name)))
  const result: Batched<T> = {
    done: [],
    refused: [...given].filter(([key]) => !known.has(key)).map(([, name]) => gone(name)),
  }
  const batches = chunks(
    found.sort((a, b) => a.id - b.id),
    size,
  )
  for (const [index, batch] of batches.entries()) {
    if (batches.length > 1) await letOthersIn(ctx)
    try {
      const outcome = await transaction(ctx.db, async (tx) => {
        await takeWriteLock(tx)
        const targets = await lockTargets(
          tx,
          batch.map((t) => t.id),
        )
        const still = new Set(targets.map((t) => t.id))
        const done = targets.length > 0 ? await act(tx, targets) : { done: [], refused: [] }
        return {
          done: done.done,
          refused: [...batch.filter((t) => !still.has(t.id)).map((t) => gone(t.name)), ...done.refused],
        }
      })
      result.done.push(...outcome.done)
      result.refused.push(...outcome.refused)
    } catch (error) {
      result.stopped = { error, notDone: batches.slice(index).flatMap((b) => b.map((t) => t.name)) }
      break
    }
  }
  return result
}

/**
 * Before each of several batches, the other writers' turn. SQLite's queries complete without returning to the event
 * loop, so without this the whole action would hold up this process (its timers, its gateway's requests) and, by
 * taking the write lock again at once, other processes' writers, which poll for it every few tens of milliseconds.
 */
function letOthersIn(ctx: MsxContext) {
  return new Promise((resolve) =>
    providerOf(ctx.db) === 'sqlite' ? setTimeout(resolve, SQLITE_GAP_MS) : setImmediate(resolve),
  )
}

/** The batch's targets as they are now (some may be gone), locked in id order on PostgreSQL. */
async function lockTargets(tx: Tx, ids: number[]): Promise<BatchTarget[]> {
  if (providerOf(tx) === 'postgresql')
    await tx.$queryRaw`SELECT id FROM target_servers WHERE id IN (${join(ids)}) ORDER BY id FOR UPDATE`
  return tx.targetServer.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: batchColumns })
}

/**
 * Locks these targets' job holdings in job order, as an outcome upload takes them with each job's summary: a batch
 * then waits for an upload, or the upload for the batch, never both.
 */
export async function lockHoldings(tx: Tx, targetIds: number[]) {
  if (providerOf(tx) === 'postgresql')
    await tx.$queryRaw`SELECT job_id FROM job_servers WHERE target_id IN (${join(targetIds)})
      ORDER BY job_id, target_id FOR UPDATE`
}

/** The one-name case: its result, or the refusal or failure as an error. */
export function onlyResult<T>(result: Batched<T>): T {
  const [done] = result.done
  if (done !== undefined) return done
  if (result.stopped) throw result.stopped.error
  throw result.refused[0]?.error ?? new Error('a one-target action neither acted nor refused')
}

/** Prisma puts the database's own words last, after where in the code the query was made. */
const cause = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1)
    ?.slice(0, 300) ?? 'unknown error'

const count = (n: number) => `${n.toLocaleString('en-US')} target server${n === 1 ? '' : 's'}`

/** What was not done, after the sentence saying what was: the refused ones, and the rest after a failed batch. */
export function batchReport(doneSentence: string, result: Batched<unknown>): string {
  const parts = [doneSentence]
  if (result.refused.length > 0)
    parts.push(`Refused for ${result.refused.map((r) => `${r.name}: ${r.error.message}`).join('; ')}`)
  if (result.stopped) {
    const { error, notDone } = result.stopped
    const why = isMsxError(error) ? error.message : cause(error)
    parts.push(
      `Then a batch failed and was rolled back (${why}): the other ${count(notDone.length)} were not changed. Select them again and retry.`,
    )
  }
  return parts.join(' ')
}

/** The refusals as the API reports them, one line per target. */
export const refusalLines = (result: Batched<unknown>) => result.refused.map((r) => `${r.name}: ${r.error.message}`)
