'use client'

import { PencilIcon, Trash2Icon } from 'lucide-react'
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
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Input } from '@/components/ui/input'
import type { GroupRow } from '@/lib/msx/group-list'

/** Rename and Delete for one group; the list runs them, so their outcome outlives the row. */
export function GroupRowActions({
  group,
  ability,
  pending,
  onRename,
  onDelete,
}: {
  group: GroupRow
  ability: Ability
  pending: boolean
  onRename: (newName: string) => void
  onDelete: () => void
}) {
  const [renaming, setRenaming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [newName, setNewName] = useState(group.name)
  return (
    <div className="flex justify-end gap-1">
      <GuardedButton
        ability={ability}
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Rename ${group.name}`}
        onClick={() => {
          setNewName(group.name)
          setRenaming(true)
        }}
      >
        <PencilIcon aria-hidden />
      </GuardedButton>
      <GuardedButton
        ability={ability}
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Delete ${group.name}`}
        onClick={() => setDeleting(true)}
      >
        <Trash2Icon aria-hidden />
      </GuardedButton>
      <Dialog open={renaming} onOpenChange={setRenaming}>
        <DialogContent>
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault()
              setRenaming(false)
              onRename(newName)
            }}
          >
            <DialogHeader>
              <DialogTitle>Rename {group.name}</DialogTitle>
              <DialogDescription>Its members and jobs stay as they are.</DialogDescription>
            </DialogHeader>
            <label htmlFor="rename-group" className="sr-only">
              New name of {group.name}
            </label>
            <Input id="rename-group" value={newName} maxLength={128} onChange={(e) => setNewName(e.target.value)} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!newName.trim() || newName.trim() === group.name}>
                Rename
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <AlertDialog open={deleting} onOpenChange={setDeleting}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete the group {group.name}?</AlertDialogTitle>
            <AlertDialogDescription>
              Its {group.members} member{group.members === 1 ? '' : 's'} stay enlisted, but lose the jobs they held only
              through this group{group.jobs > 0 ? ` (${group.jobs} job${group.jobs === 1 ? '' : 's'} target it)` : ''}.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={onDelete}>Delete</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  )
}
