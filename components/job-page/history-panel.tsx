// History: the runs in progress (live), the grid of each target's latest runs, then the runs list with its filters.
import type { Ability } from '@/components/auth/ability'
import type { GridRow, JobRunList } from '@/lib/msx/job-runs'
import { RunGrid } from './run-grid'
import { RunsInProgress } from './runs-in-progress'
import { RunsList } from './runs-list'

export function HistoryPanel({
  job,
  canRun,
  grid,
  list,
  query,
}: {
  job: string
  canRun: Ability
  grid: GridRow[]
  list: JobRunList
  query: { target?: string; group?: string; outcome?: string; from?: string; to?: string }
}) {
  return (
    <div className="grid gap-5">
      <RunsInProgress job={job} />
      {grid.length > 0 && <RunGrid rows={grid} />}
      <RunsList jobName={job} canRun={canRun} list={list} query={query} />
    </div>
  )
}
