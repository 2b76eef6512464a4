'use client'

import Link from 'next/link'
import { RelativeTime } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { InstructionRow } from '@/lib/msx/instructions'

const statusLook = {
  pending: { label: 'Pending', variant: 'blue' },
  downloaded: { label: 'Downloaded', variant: 'green' },
  error: { label: 'Error', variant: 'red' },
} as const

export function InstructionsCard({
  target,
  instructions,
}: {
  target: string
  instructions: { rows: InstructionRow[]; total: number }
}) {
  const { rows, total } = instructions
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-end justify-between gap-2">
        <div className="grid gap-1.5">
          <CardTitle id="instructions-title">Download instructions</CardTitle>
          <CardDescription>
            {total > rows.length
              ? `The newest ${rows.length} of its ${total} instructions.`
              : 'Its instructions, newest first.'}
          </CardDescription>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href={`/targets/instructions?target=${encodeURIComponent(target)}`}>All its instructions</Link>
        </Button>
      </CardHeader>
      <CardContent className="px-0">
        {rows.length === 0 ? (
          <p className="px-6 text-sm text-muted-foreground">No instruction is on its download list.</p>
        ) : (
          <Table aria-labelledby="instructions-title">
            <TableHeader>
              <TableRow>
                <TableHead>Operation</TableHead>
                <TableHead>Object</TableHead>
                <TableHead>Date posted</TableHead>
                <TableHead>Date downloaded</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="font-mono text-[13px]">
                    {row.operation}
                    {row.value && <span className="text-muted-foreground"> {row.value}</span>}
                  </TableCell>
                  <TableCell>
                    {row.objectName ?? <span className="text-muted-foreground">{row.objectType}</span>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <RelativeTime iso={row.datePosted} />
                  </TableCell>
                  <TableCell className="max-w-md">
                    {row.errorMessage ? (
                      <span className="text-destructive">{row.errorMessage}</span>
                    ) : (
                      <RelativeTime iso={row.dateDownloaded} fallback="Not yet" />
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge variant={statusLook[row.status].variant}>{statusLook[row.status].label}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  )
}
