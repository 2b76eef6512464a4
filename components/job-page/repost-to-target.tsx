'use client'

// Re-post on one row of a job's Targets tab: UPDATE of the current definition to that target, after asking (the
// list runs it and says what it did, the row's button being gone once the UPDATE waits).
import { SendIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
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

export function RepostToTarget({
  job,
  version,
  target,
  ability,
  pending,
  onConfirm,
}: {
  job: string
  version: number
  target: string
  ability: Ability
  pending: boolean
  onConfirm: () => void
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <GuardedButton
        ability={ability}
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={`Re-post to ${target}`}
        onClick={() => setOpen(true)}
      >
        <SendIcon aria-hidden />
        Re-post
      </GuardedButton>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Re-post {job} to {target}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              UPDATE of version {version} is posted to {target}; it downloads it when it next polls.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={onConfirm}>Re-post</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  )
}
