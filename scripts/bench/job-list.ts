// (f) Jobs with a long history: the Jobs list (every filter and sort, missed-run counts included), a job's History
// tab (the grid, the first page of runs, filtered by target and by outcome, the duration chart) on the job every
// target holds, and Running now, each timed
// in-process through the functions the pages render with, against the same on a small master in the same run.
import { jobDurationChart } from '../../lib/msx/job-durations'
import { jobRunGrid, listJobRuns } from '../../lib/msx/job-runs'
import { JOB_OUTCOME_FILTERS, JOB_SORT_COLUMNS, listJobRows } from '../../lib/msx/job-table'
import { listRunningJobs } from '../../lib/msx/jobs-running'
import { BIG_JOB, createJobFleet, type JobFleet } from './job-fleet'

export interface JobTiming {
  query: string
  medianMs: number
  baselineMedianMs: number
}

export interface JobListResults {
  jobs: number
  targets: number
  historyRows: number
  missedRuns: number
  baseline: { jobs: number; targets: number; historyRows: number }
  rounds: number
  seedSeconds: number
  timings: JobTiming[]
}

type Query = [string, (fleet: JobFleet) => Promise<unknown>]

const queries: Query[] = [
  ['Jobs: first page', (f) => listJobRows(f.db, {})],
  ['Jobs: search "JOB-99"', (f) => listJobRows(f.db, { search: 'JOB-99' })],
  ['Jobs: category', (f) => listJobRows(f.db, { category: 'Category 3' })],
  ['Jobs: disabled', (f) => listJobRows(f.db, { enabled: 'no' })],
  ...JOB_OUTCOME_FILTERS.map((outcome): Query => [`Jobs: outcome ${outcome}`, (f) => listJobRows(f.db, { outcome })]),
  ...JOB_SORT_COLUMNS.map(
    (sort): Query => [`Jobs: sort by ${sort}, descending`, (f) => listJobRows(f.db, { sort, dir: 'desc' })],
  ),
  [`History of ${BIG_JOB}: the grid (25 targets x 20 runs)`, (f) => jobRunGrid(f.db, BIG_JOB)],
  [`History of ${BIG_JOB}: first page of runs`, (f) => listJobRuns(f.db, BIG_JOB, {})],
  [`History of ${BIG_JOB}: runs of one target`, (f) => listJobRuns(f.db, BIG_JOB, { target: 'FLEET-7' })],
  [`History of ${BIG_JOB}: failed runs`, (f) => listJobRuns(f.db, BIG_JOB, { outcome: 'failed' })],
  [`History duration chart of ${BIG_JOB} (6 targets, up to 30 runs each)`, (f) => jobDurationChart(f.db, BIG_JOB)],
  [
    'Running now: first page (half of the runs from agents that do not report progress)',
    (f) => listRunningJobs(f.db, {}),
  ],
]

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN

async function timed(fleet: JobFleet, run: (fleet: JobFleet) => Promise<unknown>) {
  const started = performance.now()
  await run(fleet)
  return performance.now() - started
}

export async function benchJobList(
  shape: { jobs: number; targets: number; runs: number },
  rounds: number,
  say: (line: string) => void,
): Promise<JobListResults> {
  say(`(f) jobs: seeding ${shape.jobs} jobs on ${shape.targets} targets with ${shape.runs} runs per holding`)
  const seedStarted = performance.now()
  const large = await createJobFleet(shape)
  const seedSeconds = (performance.now() - seedStarted) / 1000
  const baseline = await createJobFleet({ jobs: 10, targets: 20, runs: shape.runs })
  say(
    `(f) jobs: ${large.historyRows.toLocaleString('en-US')} history rows and ${large.missedRuns.toLocaleString('en-US')} missed runs against ${baseline.historyRows} and ${baseline.missedRuns}`,
  )
  try {
    for (const [, run] of queries) {
      await timed(baseline, run)
      await timed(large, run)
    }
    const timings: JobTiming[] = []
    const measure = async ([label, run]: Query) => {
      const [small, big] = [[] as number[], [] as number[]]
      // alternated, so whatever else runs on the cores weighs on both alike
      for (let round = 0; round < rounds; round++) {
        small.push(await timed(baseline, run))
        big.push(await timed(large, run))
      }
      timings.push({ query: label, medianMs: median(big), baselineMedianMs: median(small) })
    }
    for (const query of queries) await measure(query)
    return {
      jobs: large.jobs,
      targets: large.targets,
      historyRows: large.historyRows,
      missedRuns: large.missedRuns,
      baseline: { jobs: baseline.jobs, targets: baseline.targets, historyRows: baseline.historyRows },
      rounds,
      seedSeconds,
      timings,
    }
  } finally {
    await baseline.close()
    await large.close()
  }
}
