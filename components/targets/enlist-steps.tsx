'use client'

import { useId, useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { type CreatedToken, CreateTokenForm } from '@/components/enlistment/create-token-form'
import { LocalDate } from '@/components/format/relative-time'
import { CodeBlock } from '@/components/ui/code-block'
import { Input } from '@/components/ui/input'
import { doctorCommand, type EnlistHints, enlistCommand } from './enlist-command'

export function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-3 gap-y-2">
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

/** How a target enlists: an optional enlistment token (step 1), then the agent's command to run on it (step 2). */
export function EnlistSteps({ hints, tokens }: { hints: EnlistHints; tokens: Ability }) {
  const [token, setToken] = useState<CreatedToken | null>(null)
  const [name, setName] = useState('')
  const [location, setLocation] = useState('')
  const nameId = useId()
  const locationId = useId()
  return (
    <>
      <Step n={1} title="Create an enlistment token">
        <p className="text-sm text-muted-foreground">
          A token lets the target enlist at once. Without one, it asks to enlist and waits on this page until an
          operator enlists it.
        </p>
        <CreateTokenForm ability={tokens} onCreated={setToken} />
      </Step>
      <Step n={2} title="On the target, install the agent and enlist it">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="grid max-w-xs gap-1.5">
            <label htmlFor={nameId} className="text-sm font-medium">
              Target server name
            </label>
            <Input id={nameId} value={name} placeholder="NAME" onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="grid max-w-xs gap-1.5">
            <label htmlFor={locationId} className="text-sm font-medium">
              Location <span className="font-normal text-muted-foreground">(optional)</span>
            </label>
            <Input
              id={locationId}
              value={location}
              maxLength={200}
              placeholder="e.g. Rack 4, Paris"
              onChange={(e) => setLocation(e.target.value)}
            />
          </div>
        </div>
        <CodeBlock label="enlist command" code={enlistCommand(hints, { name, location }, token?.secret)} />
        {token ? <TokenNotice token={token} /> : <ApprovalNotice />}
        <p className="text-sm text-muted-foreground">
          If it cannot reach or trust this master, this checks each step (name, TCP port, TLS, CA, version, clock) and
          says what to fix; it changes nothing:
        </p>
        <CodeBlock label="doctor command" code={doctorCommand(hints, { name })} />
      </Step>
    </>
  )
}

function TokenNotice({ token }: { token: CreatedToken }) {
  const uses = token.uses === null ? 'any number of targets' : `${token.uses} target${token.uses === 1 ? '' : 's'}`
  return (
    <p role="status" className="text-sm">
      <span className="font-medium">This token is shown once:</span> copy the command now. It enlists {uses} until{' '}
      <LocalDate iso={token.expiresAt} style="exact" />. Its id is {token.id}, for revoking it:{' '}
      <code className="font-mono">msx token revoke {token.id}</code>.
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
