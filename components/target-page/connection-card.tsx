'use client'

import { CircleAlertIcon, CircleCheckIcon, TriangleAlertIcon } from 'lucide-react'
import Link from 'next/link'
import { useFormatDate } from '@/components/format/date-locale'
import { useHydrated, useNow } from '@/components/format/use-now'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { type Diagnosis, type DiagnosisFacts, diagnoseTarget } from '@/lib/msx/target-diagnosis'
import { cn } from '@/lib/utils'

const TONES: Record<Diagnosis['tone'], { icon: typeof CircleCheckIcon; className: string }> = {
  ok: { icon: CircleCheckIcon, className: 'text-emerald-700 dark:text-emerald-400' },
  warning: { icon: TriangleAlertIcon, className: 'text-amber-700 dark:text-amber-400' },
  error: { icon: CircleAlertIcon, className: 'text-red-700 dark:text-red-400' },
}

/** Why this target does (not) download, in one sentence, with the evidence under it (what msx diagnose prints). */
export function ConnectionCard({ facts }: { facts: DiagnosisFacts }) {
  const now = useNow()
  const hydrated = useHydrated()
  const formatDate = useFormatDate()
  const today = new Date(now).toDateString()
  const time = (iso: string) => formatDate(new Date(iso).toDateString() === today ? 'time' : 'dayMinute', new Date(iso))
  const diagnosis = diagnoseTarget(facts, { now, time })
  const tone = TONES[diagnosis.tone]
  return (
    <Card id="connection" className="scroll-mt-20" aria-labelledby="connection-title">
      <CardHeader>
        <CardTitle id="connection-title">Connection</CardTitle>
        <CardDescription>
          Why this target server does or does not download, from what the agent gateway saw.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p
          key={String(hydrated)}
          className="flex items-start gap-2 text-sm font-medium"
          data-testid="connection-sentence"
          data-verdict={diagnosis.verdict}
          suppressHydrationWarning
        >
          <tone.icon className={cn('mt-0.5 size-4 shrink-0', tone.className)} aria-hidden />
          <span className="min-w-0 wrap-anywhere">{diagnosis.sentence}.</span>
        </p>
        <dl className="grid grid-cols-1 gap-2" aria-label="Connection evidence">
          {diagnosis.evidence.map((line) => (
            <div key={line.label} className="grid grid-cols-1 gap-1 sm:grid-cols-[11rem_minmax(0,1fr)]">
              <dt className="text-sm text-muted-foreground">{line.label}</dt>
              <dd className="min-w-0 text-sm wrap-anywhere" suppressHydrationWarning>
                {line.text}
              </dd>
            </div>
          ))}
        </dl>
        {diagnosis.verdict === 'blocked' && facts.target?.blockedBy ? (
          <Button asChild variant="outline" size="sm" className="self-start">
            <Link href={`/targets/instructions?target=${encodeURIComponent(facts.name)}&status=error`}>
              Show instruction {facts.target.blockedBy.id} on Download Instructions
            </Link>
          </Button>
        ) : null}
      </CardContent>
    </Card>
  )
}
