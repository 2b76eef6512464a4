'use client'

// Step 5: what Finish will do, then each action's result as it comes, one action at a time.
import { CheckCircle2Icon, CircleDashedIcon, CircleXIcon, LoaderCircleIcon } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { Button } from '@/components/ui/button'
import type { WizardActionResult } from '@/lib/msx/wizard-steps'
import { runWizardEnlistAction, startWizardRunAction } from './actions'

export interface PlannedEnlistment {
  name: string
  /** why it will be refused, for a request that fails the compatibility checks */
  refusal?: string
}

type Line = { title: string; state: 'waiting' | 'running' } | WizardActionResult

const resultLine = (r: WizardActionResult) => `${r.title}: ${r.status}: ${r.detail}`

function LineMark({ line }: { line: Line }) {
  if ('status' in line)
    return line.status === 'done' ? (
      <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-hidden />
    ) : (
      <CircleXIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
    )
  return line.state === 'running' ? (
    <LoaderCircleIcon className="mt-0.5 size-4 shrink-0 animate-spin" aria-hidden />
  ) : (
    <CircleDashedIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
  )
}

export function ActionList({ lines, label }: { lines: Line[]; label: string }) {
  return (
    <ol className="grid gap-2 text-sm" aria-label={label}>
      {lines.map((line) => (
        <li key={line.title} className="flex items-start gap-2 break-words">
          <LineMark line={line} />
          <span className={'status' in line && line.status !== 'done' ? 'text-destructive' : undefined}>
            {'status' in line ? resultLine(line) : `${line.title}: ${line.state}`}
            {'href' in line && line.href && (
              <>
                {' '}
                <Link href={line.href} className="underline underline-offset-2">
                  Open {line.title.replace(/^Enlist /, '')}
                </Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  )
}

export function CompleteRun({
  operatorName,
  plan,
  lastRun,
  ability,
}: {
  operatorName: string
  plan: PlannedEnlistment[]
  lastRun: WizardActionResult[] | null
  ability: Ability
}) {
  const router = useRouter()
  const [lines, setLines] = useState<Line[] | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const finish = async () => {
    setRunning(true)
    setError(null)
    const planned: Line[] = [
      { title: `Create operator ${operatorName}`, state: 'running' },
      ...plan.map((p): Line => ({ title: `Enlist ${p.name}`, state: 'waiting' })),
    ]
    setLines(planned)
    const settle = (i: number, result: WizardActionResult) =>
      setLines((now) =>
        (now ?? []).map((line, j) => (j === i ? result : j === i + 1 ? { ...line, state: 'running' } : line)),
      )
    const first = await startWizardRunAction({})
    if (!first.ok) {
      setError(first.message)
      setRunning(false)
      return
    }
    settle(0, first.data)
    for (const [i, p] of plan.entries()) {
      const answer = await runWizardEnlistAction({ name: p.name })
      settle(i + 1, answer.ok ? answer.data : { title: `Enlist ${p.name}`, status: 'failed', detail: answer.message })
    }
    setRunning(false)
    router.refresh()
  }

  const shown = lines ?? lastRun
  return (
    <div className="grid gap-5">
      {!lines && (
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold">Finish will</h3>
          <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What Finish will do">
            <li>Create operator {operatorName} (saved on step 2: nothing more to write)</li>
            {plan.map((p) => (
              <li key={p.name}>
                {p.refusal
                  ? `Refuse ${p.name}: ${p.refusal} Its request is rejected with this reason.`
                  : `Enlist ${p.name}`}
              </li>
            ))}
            {plan.length === 0 && <li>Enlist no pending request: none is selected on step 3.</li>}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <GuardedButton ability={ability} disabled={running} onClick={finish}>
          {running ? 'Working…' : lastRun || lines ? 'Finish again' : 'Finish'}
        </GuardedButton>
        <Button variant="outline" asChild>
          <Link href="/targets">Manage Target Servers</Link>
        </Button>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </div>
      {shown && (
        <div className="grid gap-2" aria-live="polite">
          <h3 className="text-sm font-semibold">{lines ? (running ? 'Working' : 'Done') : 'Last run'}</h3>
          <ActionList lines={shown} label="Actions and their results" />
        </div>
      )}
    </div>
  )
}
