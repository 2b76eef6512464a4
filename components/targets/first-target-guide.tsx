'use client'

import { ServerIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import type { EnlistHints } from './enlist-command'
import { EnlistSteps, Step } from './enlist-steps'

/** Shown while no target server is enlisted: what one is, and how to enlist the first. */
export function FirstTargetGuide({ hints, tokens }: { hints: EnlistHints; tokens: Ability }) {
  return (
    <section aria-labelledby="first-target-title" className="rounded-xl border border-dashed bg-card/50 px-6 py-12">
      <div className="mx-auto max-w-3xl">
        <div className="flex flex-col items-center text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
            <ServerIcon className="size-6" aria-hidden />
          </span>
          <h2 id="first-target-title" className="mt-4 text-lg font-semibold">
            No target servers yet
          </h2>
          <p className="mt-2 max-w-xl text-sm text-muted-foreground">
            A target server is a server running the <code className="font-mono text-foreground">msx-agent</code> that
            enlists into this master. It polls the master, downloads its instructions, runs the multiserver jobs it is
            given and reports each outcome back here.
          </p>
        </div>
        <ol className="mt-10 space-y-8">
          <EnlistSteps hints={hints} tokens={tokens} />
          <Step n={3} title="Watch it appear">
            <p className="text-sm text-muted-foreground">
              The target is listed here as <span className="font-medium">Pending enlistment</span> as soon as it is
              enlisted, and shows <span className="font-medium">Normal</span> once its agent polls (
              <code className="font-mono">msx-agent run</code>). This page refreshes by itself.
            </p>
          </Step>
        </ol>
      </div>
    </section>
  )
}
