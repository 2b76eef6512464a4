'use client'

import { PlusIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { Input } from '@/components/ui/input'
import { createGroupAction } from './actions'

export function CreateGroupForm({ ability, onCreated }: { ability: Ability; onCreated: (name: string) => void }) {
  const [name, setName] = useState('')
  const { run, pending, outcome } = useServerAction()
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault()
        run(
          () => createGroupAction({ name }),
          (created) => {
            setName('')
            onCreated(created.name)
          },
        )
      }}
    >
      <label htmlFor="new-group-name" className="text-sm font-medium">
        New group
      </label>
      <div className="flex gap-2">
        <Input
          id="new-group-name"
          value={name}
          maxLength={128}
          placeholder="e.g. Accounting servers"
          disabled={!ability.allowed}
          aria-describedby="new-group-outcome"
          onChange={(e) => setName(e.target.value)}
        />
        <GuardedButton ability={ability} type="submit" disabled={pending || !name.trim()}>
          <PlusIcon aria-hidden />
          Create group
        </GuardedButton>
      </div>
      <div id="new-group-outcome">
        <FormMessage state={outcome} />
      </div>
    </form>
  )
}
