// (e) The Target Server Status list with a large fleet: each query the page makes (first page, a search, each
// status, a group, each sort, the last page) timed in-process through listTargets, the same work the page's server
// render and its JSON read do, against the same queries on a 10-target fleet measured in the same run.
import { TARGET_STATUSES } from '../../lib/msx/status'
import { listTargets, TARGET_SORT_COLUMNS, type TargetListQuery } from '../../lib/msx/target-list'
import { createListFleet, FLEET_GROUP, FLEET_PREFIX, type ListFleet } from './list-fleet'

export const BASELINE_FLEET = 10
const PAGE_SIZE = 50

export interface ListTiming {
  query: string
  /** rows the query matches in the large fleet, and in the baseline */
  matches: number
  baselineMatches: number
  /** median ms of listTargets */
  medianMs: number
  baselineMedianMs: number
}

export interface TargetListResults {
  targets: number
  baselineTargets: number
  rounds: number
  seedSeconds: number
  timings: ListTiming[]
}

/** The page's queries on a fleet of `targets`; the labels are the same whatever the size. */
function queries(targets: number): [string, TargetListQuery][] {
  return [
    ['first page (by name)', {}],
    [`search by name "${FLEET_PREFIX}-1"`, { search: `${FLEET_PREFIX}-1` }],
    ...TARGET_STATUSES.map((status): [string, TargetListQuery] => [`status ${status}`, { status }]),
    [`group ${FLEET_GROUP}`, { group: FLEET_GROUP }],
    ...TARGET_SORT_COLUMNS.map((sort): [string, TargetListQuery] => [
      `sort by ${sort}, descending`,
      { sort, dir: 'desc' },
    ]),
    ['last page', { page: Math.ceil(targets / PAGE_SIZE) }],
  ].map(([label, query]) => [label as string, { ...(query as TargetListQuery), pageSize: PAGE_SIZE }])
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN

async function timed(fleet: ListFleet, query: TargetListQuery) {
  const started = performance.now()
  const { total } = await listTargets(fleet.db, query)
  return { ms: performance.now() - started, total }
}

export async function benchTargetList(
  targets: number,
  rounds: number,
  say: (line: string) => void,
): Promise<TargetListResults> {
  say(
    `(e) target list: seeding ${targets} targets and a baseline of ${BASELINE_FLEET}, each in a fresh SQLite database`,
  )
  const baseline = await createListFleet(BASELINE_FLEET)
  const seedStarted = performance.now()
  const large = await createListFleet(targets)
  const seedSeconds = (performance.now() - seedStarted) / 1000
  try {
    const small = queries(BASELINE_FLEET)
    const big = queries(targets)
    // one pass over every query first: Prisma's and SQLite's first use of each statement is not the steady state
    for (const [i, [, query]] of big.entries()) {
      await timed(baseline, small[i]?.[1] ?? query)
      await timed(large, query)
    }
    say(`(e) target list: ${rounds} rounds of ${big.length} queries, alternating the two fleets`)
    const timings: ListTiming[] = []
    for (const [i, [label, query]] of big.entries()) {
      const smallQuery = small[i]?.[1] ?? query
      const [smallRuns, bigRuns] = [[] as number[], [] as number[]]
      let matches = 0
      let baselineMatches = 0
      // alternated, so whatever else runs on the cores weighs on both alike
      for (let round = 0; round < rounds; round++) {
        const a = await timed(baseline, smallQuery)
        const b = await timed(large, query)
        smallRuns.push(a.ms)
        bigRuns.push(b.ms)
        baselineMatches = a.total
        matches = b.total
      }
      timings.push({
        query: label,
        matches,
        baselineMatches,
        medianMs: median(bigRuns),
        baselineMedianMs: median(smallRuns),
      })
    }
    return { targets, baselineTargets: BASELINE_FLEET, rounds, seedSeconds, timings }
  } finally {
    await baseline.close()
    await large.close()
  }
}
