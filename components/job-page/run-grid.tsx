// The History grid: a row per target, its latest runs side by side (oldest left), each cell coloured and labelled
// by its outcome, a run past twice its target's usual duration ringed.
import { formatDuration } from '@/components/target-page/format'
import { Card } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { GridRow, RunSummary } from '@/lib/msx/job-runs'
import type { RunOutcomeLabel } from '@/lib/msx/run-outcomes'
import { cn } from '@/lib/utils'

const CELL: Record<RunOutcomeLabel, string> = {
  Succeeded: 'bg-emerald-500',
  Failed: 'bg-red-500',
  Retry: 'bg-amber-500',
  Canceled: 'bg-violet-500',
  'In progress': 'bg-sky-500',
  Unknown: 'bg-muted-foreground/40',
}

const cellLabel = (run: RunSummary) =>
  `${run.outcome}, started ${run.startedAt.replace('T', ' ').slice(0, 16)} UTC, ${formatDuration(run.durationMs)}${run.longerThanUsual ? ', longer than usual' : ''}`

export function RunGrid({ rows }: { rows: GridRow[] }) {
  return (
    <Card className="overflow-hidden">
      <Table aria-label="Latest runs per target">
        <TableHeader>
          <TableRow>
            <TableHead>Target server</TableHead>
            <TableHead className="text-right">Usual duration</TableHead>
            <TableHead>Latest runs, oldest first</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.targetName}>
              <TableCell className="font-mono text-[13px] font-medium">{row.targetName}</TableCell>
              <TableCell className="text-right text-sm tabular-nums">{formatDuration(row.usualMs)}</TableCell>
              <TableCell>
                {row.runs.length === 0 ? (
                  <span className="text-sm text-muted-foreground">Never run</span>
                ) : (
                  <ol className="flex flex-wrap gap-1" aria-label={`Runs on ${row.targetName}`}>
                    {row.runs.map((run) => (
                      <li
                        key={run.runId}
                        title={cellLabel(run)}
                        className={cn(
                          'size-4 rounded-sm',
                          CELL[run.outcome],
                          run.longerThanUsual && 'ring-2 ring-amber-500 ring-offset-1 ring-offset-background',
                        )}
                      >
                        <span className="sr-only">{cellLabel(run)}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  )
}
