'use client'

// The multiserver configuration: its state, Dismantle (refused inline while targets remain, with Defect all next
// to the refusal), and, once dismantled, the way back to the Master Server Wizard.
import Link from 'next/link'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { DISMANTLE_EFFECT, defectAllEffect } from '@/lib/msx/multiserver-wording'
import { defectAllAction, dismantleMasterAction } from './actions'
import { when } from './format'

export interface MultiserverState {
  name: string
  madeMasterAt: string
  dismantledAt: string | null
  /** target servers not yet defecting: what Defect all would post DEFECT to */
  toDefect: number
}

const servers = (count: number) => `${count} target server${count === 1 ? '' : 's'}`

export function MultiserverCard({
  state,
  dismantle,
  defect,
}: {
  state: MultiserverState
  dismantle: Ability
  defect: Ability
}) {
  const [confirm, setConfirm] = useState<'dismantle' | 'defect-all' | null>(null)
  const dismantling = useServerAction()
  const defecting = useServerAction()
  const refused = dismantling.outcome !== null && !dismantling.outcome.ok
  return (
    <Card>
      <CardHeader>
        <CardTitle>Multiserver configuration</CardTitle>
        <CardDescription>
          {state.dismantledAt ? (
            <>
              Dismantled on {when(state.dismantledAt)}: {state.name} refuses new enlistments.
            </>
          ) : (
            <>
              {state.name} is a master server since {when(state.madeMasterAt)}.
            </>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {state.dismantledAt ? (
          <div>
            <Button asChild>
              <Link href="/wizard">Make this a master server again</Link>
            </Button>
          </div>
        ) : dismantle.allowed ? (
          <>
            <p className="text-sm text-muted-foreground">
              Dismantle it once no target server is enlisted: defect them first.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="destructive"
                disabled={dismantling.pending}
                onClick={() => {
                  dismantling.setOutcome(null)
                  setConfirm('dismantle')
                }}
              >
                Dismantle…
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="dismantle-refusal">
            {dismantle.reason}
          </p>
        )}
        <FormMessage state={dismantling.outcome} />
        {refused && state.toDefect > 0 && !state.dismantledAt && (
          <div className="flex flex-wrap items-center gap-2">
            {defect.allowed ? (
              <Button variant="outline" disabled={defecting.pending} onClick={() => setConfirm('defect-all')}>
                Defect all
              </Button>
            ) : (
              <p className="text-sm text-muted-foreground">{defect.reason}</p>
            )}
          </div>
        )}
        <FormMessage state={defecting.outcome} />
      </CardContent>
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm === 'defect-all'
                ? `Defect all ${servers(state.toDefect)}?`
                : `Dismantle the multiserver configuration of ${state.name}?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === 'defect-all' ? defectAllEffect(servers(state.toDefect)) : DISMANTLE_EFFECT}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() =>
                confirm === 'defect-all'
                  ? defecting.run(() => defectAllAction({}))
                  : dismantling.run(() => dismantleMasterAction({}))
              }
            >
              {confirm === 'defect-all' ? 'Defect all' : 'Dismantle'}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  )
}
