'use client'

import { ServerIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { type CreatedToken, CreateTokenForm } from '@/components/enlistment/create-token-form'
import { exactTime } from '@/components/format/relative-time'
import { CodeBlock } from '@/components/ui/code-block'
import { Input } from '@/components/ui/input'
import { enlistCommand } from './enlist-command'

export interface EnlistHints {
  /** the agent gateway's address as agents reach it, e.g. https://msx01.example.com:3443 */
  gatewayUrl: string
  /** the master's CA fingerprint, when its CA exists yet */
  caFingerprint: string | null
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="grid grid-cols-[1.75rem_1fr] gap-x-3 gap-y-2">
      <span
        className="flex size-7 items-center justify-center rounded-full border bg-background text-xs font-semibold"
        aria-hidden
      >
        {n}
      </span>
      <div className="min-w-0 space-y-2">
        <h3 className="pt-1 text-sm font-medium">{title}</h3>
        {children}
      </div>
    </li>
  )
}

/** Shown while no target server is enlisted: what one is, and how to enlist the first. */
export function FirstTargetGuide({ hints, tokens }: { hints: EnlistHints; tokens: Ability }) {
  const [token, setToken] = useState<CreatedToken | null>(null)
  const [name, setName] = useState('')
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
          <Step n={1} title="Create an enlistment token">
            <p className="text-sm text-muted-foreground">
              A token lets the target enlist at once. Without one, it asks to enlist and waits on this page until an
              operator enlists it.
            </p>
            <CreateTokenForm ability={tokens} onCreated={setToken} />
          </Step>
          <Step n={2} title="On the target, install the agent and enlist it">
            <div className="grid max-w-xs gap-1.5">
              <label htmlFor="enlist-name" className="text-sm font-medium">
                Target server name
              </label>
              <Input id="enlist-name" value={name} placeholder="NAME" onChange={(e) => setName(e.target.value)} />
            </div>
            <CodeBlock label="enlist command" code={enlistCommand(hints, name, token?.secret)} />
            {token ? <TokenNotice token={token} /> : <ApprovalNotice />}
          </Step>
          <Step n={3} title="Watch it appear">
            <p className="text-sm text-muted-foreground">
              The target is listed here as soon as it is enlisted, and shows <span className="font-medium">Normal</span>{' '}
              once it polls. This page refreshes by itself.
            </p>
          </Step>
        </ol>
      </div>
    </section>
  )
}

function TokenNotice({ token }: { token: CreatedToken }) {
  const uses = token.uses === null ? 'any number of targets' : `${token.uses} target${token.uses === 1 ? '' : 's'}`
  return (
    <p role="status" className="text-sm">
      <span className="font-medium">This token is shown once:</span> copy the command now. It enlists {uses} until{' '}
      <time dateTime={token.expiresAt}>{exactTime(new Date(token.expiresAt))}</time>.
    </p>
  )
}

function ApprovalNotice() {
  return (
    <p className="text-sm text-muted-foreground">
      Without <code className="font-mono text-foreground">--token</code> the agent asks to enlist and waits: its request
      appears on this page, for an operator to <span className="font-medium">Enlist</span> or{' '}
      <span className="font-medium">Reject</span>. The CA fingerprint lets the agent verify it is talking to this
      master.
    </p>
  )
}
