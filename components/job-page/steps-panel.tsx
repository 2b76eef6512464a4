// Steps: each step in order with its command and where its success and failure lead.
import { Card } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { JobDescription } from '@/lib/msx/job-list'
import { describeFlow } from './step-flow'

const KIND = { cmdexec: 'Operating system (CmdExec)', sql: 'Transact-SQL script (T-SQL)' } as const

export function StepsPanel({ job }: { job: JobDescription }) {
  const steps = job.definition.steps
  return (
    <Card className="overflow-hidden">
      <Table aria-label="Job steps">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10 text-right">Step</TableHead>
            <TableHead>Name</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>Command</TableHead>
            <TableHead>On success</TableHead>
            <TableHead>On failure</TableHead>
            <TableHead className="text-right">Retries</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {steps.map((step, i) => (
            <TableRow key={step.name}>
              <TableCell className="text-right tabular-nums">{i + 1}</TableCell>
              <TableCell className="font-medium">{step.name}</TableCell>
              <TableCell className="whitespace-nowrap">
                {KIND[step.kind ?? 'cmdexec']}
                {step.connection && <span className="block text-xs text-muted-foreground">on {step.connection}</span>}
                {step.proxy && <span className="block text-xs text-muted-foreground">as proxy {step.proxy}</span>}
              </TableCell>
              <TableCell className="max-w-md">
                <pre className="max-h-32 overflow-auto rounded bg-muted/60 p-2 font-mono text-xs whitespace-pre-wrap break-words dark:bg-black/30">
                  {step.command}
                </pre>
              </TableCell>
              <TableCell className="text-sm">{describeFlow(step.onSuccess ?? 'next', steps)}</TableCell>
              <TableCell className="text-sm">{describeFlow(step.onFailure ?? 'quit-failure', steps)}</TableCell>
              <TableCell className="text-right text-sm whitespace-nowrap tabular-nums">
                {step.retryAttempts ?? 0}
                {(step.retryAttempts ?? 0) > 0 && (
                  <span className="block text-xs text-muted-foreground">every {step.retryIntervalSeconds ?? 0} s</span>
                )}
                {step.timeoutSeconds && (
                  <span className="block text-xs text-muted-foreground">timeout {step.timeoutSeconds} s</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  )
}
