'use client'

import { useState } from 'react'
import { sayNames } from '@/components/format/names'
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

/** Asks before rejecting, with an optional reason the agents are told. */
export function RejectDialog({
  names,
  open,
  onOpenChange,
  onReject,
}: {
  names: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onReject: (reason: string) => void
}) {
  const [reason, setReason] = useState('')
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setReason('')
        onOpenChange(next)
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            Reject {names.length === 1 ? names[0] : `${names.length} enlistment requests`}?
          </AlertDialogTitle>
          <AlertDialogDescription>
            {sayNames(names)} will not be enlisted. Each agent is told at its next check, with the reason if you give
            one; it may ask again later.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="grid gap-1.5">
          <label htmlFor="reject-reason" className="text-sm font-medium">
            Reason (optional)
          </label>
          <textarea
            id="reject-reason"
            value={reason}
            maxLength={500}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Unknown host: enlist it with a token from the DBA team"
            className="rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          />
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={() => onReject(reason.trim())}>Reject</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
