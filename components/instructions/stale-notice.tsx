'use client'

import { ClockAlertIcon } from 'lucide-react'
import Link from 'next/link'
import { countOf } from '@/components/format/counts'
import { RelativeTime } from '@/components/format/relative-time'
import { useNow } from '@/components/format/use-now'
import { targetHref } from '@/components/targets/target-href'
import type { StaleDownloads, StaleTarget } from '@/lib/msx/stale-downloads'
import { formatAge } from '@/lib/msx/status'

function StaleLine({ target, now }: { target: StaleTarget; now: number }) {
  const filter = `/targets/instructions?target=${encodeURIComponent(target.name)}&status=pending`
  return (
    <li>
      <Link href={filter} className="font-mono font-medium underline underline-offset-4">
        {target.name}
      </Link>
      : {countOf(target.pending, 'instruction')} waiting for {formatAge(now - Date.parse(target.waitingSince))}, last
      polled <RelativeTime iso={target.lastPolled} fallback="never" />
      {target.polledSince && ' (it polls but does not download: check its agent’s log)'} ·{' '}
      <Link href={`${targetHref(target.name)}#connection`} className="underline underline-offset-4">
        why: its Connection
      </Link>
    </li>
  )
}

/** Names the targets that leave instructions waiting longer than they should, and what usually causes it. */
export function StaleNotice({ stale, gatewayPort }: { stale: StaleDownloads; gatewayPort: number }) {
  const now = useNow()
  if (stale.total === 0) return null
  const more = stale.total - stale.targets.length
  return (
    <section
      aria-labelledby="stale-downloads-title"
      className="rounded-lg border border-amber-600/25 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-400/25 dark:bg-amber-400/10 dark:text-amber-100"
    >
      <h2 id="stale-downloads-title" className="flex items-center gap-2 font-semibold">
        <ClockAlertIcon className="size-4" aria-hidden />
        {countOf(stale.total, 'target server')} {stale.total === 1 ? 'has' : 'have'} not downloaded{' '}
        {stale.total === 1 ? 'its' : 'their'} instructions for more than 3 poll intervals
      </h2>
      <ul className="mt-2 list-disc space-y-0.5 pl-6">
        {stale.targets.map((target) => (
          <StaleLine key={target.name} target={target} now={now} />
        ))}
        {more > 0 && <li>and {countOf(more, 'more target server')}</li>}
      </ul>
      <p className="mt-3 font-medium">What usually causes it:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-6">
        <li>
          The target cannot reach this master’s agent gateway on port {gatewayPort} (MSX_GATEWAY_PORT): check the
          firewall between them.
        </li>
        <li>
          Its agent is stopped: run <code className="font-mono">msx-agent status</code> on the target, and start it with{' '}
          <code className="font-mono">msx-agent run</code>.
        </li>
        <li>
          Its agent still presents a revoked certificate (the target was force-defected, then enlisted again): on the
          target, enlist it again with <code className="font-mono">msx-agent enlist</code>.
        </li>
      </ul>
    </section>
  )
}
