'use client'

import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { RelativeTime } from '@/components/format/relative-time'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { useEnlistmentTokens } from '@/components/live/live-queries'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { revokeTokenAction } from './actions'

/** The enlistment tokens that would still enlist an agent, each with Revoke (for those who may make tokens). */
export function TokenList({ ability }: { ability: Ability }) {
  const { data, error } = useEnlistmentTokens({ enabled: ability.allowed })
  const { run, pending, outcome } = useServerAction()
  if (!ability.allowed) return null
  return (
    <section aria-labelledby="token-list-title" className="space-y-2">
      <h3 id="token-list-title" className="text-sm font-medium">
        Tokens that still enlist
      </h3>
      {error ? (
        <p className="text-sm text-destructive">{error.message}</p>
      ) : !data ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : data.length === 0 ? (
        <p className="text-sm text-muted-foreground">None: every token has expired, been used up or been revoked.</p>
      ) : (
        <div className="rounded-lg border">
          <Table aria-labelledby="token-list-title">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Token</TableHead>
                <TableHead>Label</TableHead>
                <TableHead>Uses left</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Created by</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((token) => (
                <TableRow key={token.id}>
                  <TableHead scope="row" className="font-normal tabular-nums">
                    {token.id}
                  </TableHead>
                  <TableCell className="text-muted-foreground">{token.label}</TableCell>
                  <TableCell className="tabular-nums">{token.usesLeft ?? 'unlimited'}</TableCell>
                  <TableCell>
                    <RelativeTime iso={token.expiresAt} />
                  </TableCell>
                  <TableCell>{token.createdBy}</TableCell>
                  <TableCell className="text-right">
                    <GuardedButton
                      ability={ability}
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      aria-label={`Revoke enlistment token ${token.id}`}
                      onClick={() => run(() => revokeTokenAction({ id: token.id }))}
                    >
                      Revoke
                    </GuardedButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <OutcomeMessage outcome={outcome} />
    </section>
  )
}
