// How a job last ended on its targets: a small stacked bar, and the same in words beside it (never colour alone).
import type { JobOutcomeCounts } from '@/lib/msx/job-table'
import { cn } from '@/lib/utils'

const PARTS: { key: keyof JobOutcomeCounts; word: string; className: string }[] = [
  { key: 'succeeded', word: 'succeeded', className: 'bg-emerald-500' },
  { key: 'failed', word: 'failed', className: 'bg-red-500' },
  { key: 'running', word: 'running', className: 'bg-sky-500' },
  { key: 'retry', word: 'retrying', className: 'bg-amber-500' },
  { key: 'canceled', word: 'canceled', className: 'bg-violet-500' },
  { key: 'never', word: 'never run', className: 'bg-muted-foreground/30' },
]

/** "38 succeeded, 1 failed, 1 running": the outcomes a job has on its targets, the zero ones left out. */
export function describeOutcomes(outcomes: JobOutcomeCounts): string {
  const parts = PARTS.filter((p) => outcomes[p.key] > 0).map(
    (p) => `${outcomes[p.key].toLocaleString('en-US')} ${p.word}`,
  )
  return parts.length ? parts.join(', ') : 'no target'
}

export function OutcomeBar({ outcomes }: { outcomes: JobOutcomeCounts }) {
  const total = PARTS.reduce((sum, p) => sum + outcomes[p.key], 0)
  return (
    <div className="grid w-28 gap-1">
      {total > 0 && (
        <div className="flex h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
          {PARTS.map((p) =>
            outcomes[p.key] > 0 ? (
              <span
                key={p.key}
                className={cn('h-full', p.className)}
                style={{ width: `${(outcomes[p.key] / total) * 100}%` }}
              />
            ) : null,
          )}
        </div>
      )}
      <span
        className={cn(
          'whitespace-normal text-xs',
          outcomes.failed > 0 ? 'font-medium text-destructive' : 'text-muted-foreground',
        )}
      >
        {describeOutcomes(outcomes)}
      </span>
    </div>
  )
}
