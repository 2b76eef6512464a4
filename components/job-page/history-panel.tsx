// History: the runs in progress (live), the grid of each target's latest runs, their durations against each
// target's usual one, then the runs list with its filters.
import type { Ability } from '@/components/auth/ability'
import type { DurationChart as Chart } from '@/lib/msx/job-durations'
import type { GridRow, JobRunList } from '@/lib/msx/job-runs'
import { DurationChart } from './duration-chart'
import { RunGrid } from './run-grid'
import { RunsInProgress } from './runs-in-progress'
import { RunsList } from './runs-list'

export function HistoryPanel({
  job,
  canRun,
  grid,
  chart,
  list,
  query,
}: {
  job: string
  canRun: Ability
  grid: GridRow[]
  chart: Chart
  list: JobRunList
  query: { target?: string; group?: string; outcome?: string; from?: string; to?: string }
}) {
  return (
    <div className="grid gap-5">
      <RunsInProgress job={job} />
      {grid.length > 0 && <RunGrid rows={grid} />}
      {chart.series.length > 0 && <DurationChart chart={chart} />}
      <RunsList jobName={job} canRun={canRun} list={list} query={query} />
    </div>
  )
}
