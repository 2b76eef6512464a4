'use client'

import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { targetServers } from '@/components/format/counts'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { InstructionTypeField } from './instruction-type-field'
import { isJobOperation, POSTABLE_OPERATIONS, type PostableOperation } from './instruction-types'
import { InstructionValueField } from './instruction-value-field'
import { postInstructionsAction } from './post-instructions-actions'
import { type RecipientKind, RecipientsField } from './recipients-field'
import { useRecipientCount } from './use-recipient-count'
import type { ActionSelection } from './use-target-selection'

export function PostInstructionsDialog({
  open,
  onOpenChange,
  selection,
  groups,
  jobs,
  abilities,
  onPosted,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  selection: ActionSelection
  groups: string[]
  jobs: string[]
  abilities: Record<PostableOperation, Ability>
  onPosted: (message: string) => void
}) {
  const { run, pending, outcome } = useServerAction()
  const [operation, setOperation] = useState<PostableOperation>(
    POSTABLE_OPERATIONS.find((op) => abilities[op].allowed) ?? 'SET-POLL',
  )
  const [value, setValue] = useState('60')
  const [job, setJob] = useState('')
  const [kind, setKind] = useState<RecipientKind>(selection.selection ? 'selected' : 'all')
  const [group, setGroup] = useState('')

  const recipients =
    kind === 'all'
      ? ({ all: true } as const)
      : kind === 'group'
        ? group
          ? { group }
          : null
        : selection.selection
          ? { selection: selection.selection }
          : null
  const needsJob = isJobOperation(operation)
  const countInput =
    recipients && (!needsJob || job) ? { operation, job: needsJob ? job : undefined, recipients } : null
  const count = useRecipientCount(open ? countInput : null)

  const errors = outcome && !outcome.ok ? outcome : null
  const post = () => {
    if (!recipients) return
    const input = {
      operation,
      value: operation === 'SET-POLL' ? value : undefined,
      job: needsJob ? job : undefined,
      recipients,
    }
    run(
      () => postInstructionsAction(input),
      (_posted, message) => {
        onPosted(message)
        onOpenChange(false)
      },
    )
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Post Instructions</DialogTitle>
          <DialogDescription>
            Each target server downloads the instruction at its next poll, or at once if it holds a poll open.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-5"
          // the master checks the values and says what is wrong, in words rather than the browser's bubble
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            post()
          }}
        >
          <InstructionTypeField value={operation} onChange={setOperation} abilities={abilities} />
          <InstructionValueField
            operation={operation}
            value={value}
            onValue={setValue}
            job={job}
            onJob={setJob}
            jobs={jobs}
            errors={errors?.fieldErrors ?? {}}
          />
          <RecipientsField
            kind={kind}
            onKind={setKind}
            group={group}
            onGroup={setGroup}
            groups={groups}
            selectedCount={selection.count}
            allMatching={selection.allMatching}
            chosenRows={selection.chosenRows}
          />
          <p aria-live="polite" className="text-sm">
            {!countInput ? (
              <span className="text-muted-foreground">
                {needsJob && !job ? 'Choose the job.' : 'Choose the recipients.'}
              </span>
            ) : count.error ? (
              <span className="text-destructive">{count.error.message}</span>
            ) : count.data === undefined ? (
              <span className="text-muted-foreground">Counting the target servers it will reach…</span>
            ) : (
              <span>
                It will reach <span className="font-medium">{targetServers(count.data)}</span>.
              </span>
            )}
          </p>
          {errors && (
            <p role="alert" className="text-sm text-destructive">
              {errors.message}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending || !countInput}>
              {pending ? 'Posting…' : 'Post'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
