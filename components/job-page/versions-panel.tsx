// Versions: every saved definition with who saved it and when, its job file to download, and any two compared
// side by side.
import Link from 'next/link'
import { Timestamp } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { JobVersionDiff, JobVersionRow } from '@/lib/msx/job-version-list'
import { cn } from '@/lib/utils'

function SideBySide({ diff }: { diff: JobVersionDiff }) {
  const tone = {
    same: '',
    removed: 'bg-red-500/10 text-red-800 dark:text-red-300',
    added: 'bg-emerald-500/10 text-emerald-800 dark:text-emerald-300',
  }
  const side = (keep: 'removed' | 'added') =>
    diff.lines.map((line, i) =>
      line.kind === 'same' || line.kind === keep ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines are only told apart by their place
        <div key={i} className={cn('px-2 whitespace-pre-wrap break-words', tone[line.kind])}>
          {line.kind === 'same' ? '  ' : keep === 'removed' ? '- ' : '+ '}
          {line.text}
        </div>
      ) : null,
    )
  return (
    <section className="grid gap-3 md:grid-cols-2" aria-label={`Version ${diff.from} and version ${diff.to}`}>
      {(['removed', 'added'] as const).map((keep) => (
        <div key={keep} className="min-w-0 overflow-hidden rounded-lg border">
          <p className="border-b bg-muted/40 px-3 py-1.5 text-xs font-medium">
            Version {keep === 'removed' ? diff.from : diff.to}
          </p>
          <pre className="max-h-[32rem] overflow-auto py-2 font-mono text-xs">{side(keep)}</pre>
        </div>
      ))}
    </section>
  )
}

export function VersionsPanel({
  jobName,
  versions,
  diff,
  href,
}: {
  jobName: string
  versions: JobVersionRow[]
  diff: JobVersionDiff | null
  href: string
}) {
  const file = (v: number) => `/api/jobs/${encodeURIComponent(jobName)}/file?version=${v}`
  return (
    <div className="grid gap-5">
      <Card className="overflow-hidden">
        <Table aria-label="Versions">
          <TableHeader>
            <TableRow>
              <TableHead>Version</TableHead>
              <TableHead>Saved by</TableHead>
              <TableHead>Saved</TableHead>
              <TableHead>Job file</TableHead>
              <TableHead>Compare</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.version}>
                <TableCell className="tabular-nums">
                  {v.version} {v.current && <Badge variant="green">current</Badge>}
                </TableCell>
                <TableCell>{v.savedBy}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <Timestamp iso={v.savedAt.toISOString()} />
                </TableCell>
                <TableCell>
                  <a href={file(v.version)} download className="text-sm underline underline-offset-2">
                    Download version {v.version}
                  </a>
                </TableCell>
                <TableCell>
                  {v.version > 1 && (
                    <Link
                      href={`${href}?tab=versions&from=${v.version - 1}&to=${v.version}`}
                      className="text-sm underline underline-offset-2"
                    >
                      Compare with version {v.version - 1}
                    </Link>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      {diff ? (
        <SideBySide diff={diff} />
      ) : (
        <Card>
          <CardContent>
            <p className="text-sm text-muted-foreground">
              Compare two versions: choose one above, or give any two in the address (?tab=versions&from=2&to=7).
            </p>
          </CardContent>
        </Card>
      )}
    </div>
  )
}
