'use client'

import { XIcon } from 'lucide-react'
import type { FormEvent } from 'react'
import type { Ability } from '@/components/auth/ability'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { sameName } from '@/lib/msx/names'
import { addToGroupAction, removeFromGroupAction } from './actions'

export function GroupsCard({
  target,
  groups,
  allGroups,
  ability,
}: {
  target: string
  groups: string[]
  allGroups: string[]
  ability: Ability
}) {
  const { run: runAction, pending, outcome } = useServerAction()
  const addable = allGroups.filter((g) => !groups.some((member) => sameName(member, g)))
  const run = (action: typeof addToGroupAction, group: string) => runAction(() => action({ target, group }))
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const group = new FormData(event.currentTarget).get('group')
    if (typeof group === 'string' && group) run(addToGroupAction, group)
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Groups</CardTitle>
        <CardDescription>A target gets the jobs of each group it is in.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <fieldset
          disabled={!ability.allowed || pending}
          aria-describedby={ability.allowed ? undefined : 'groups-refusal'}
          className="grid min-w-0 grid-cols-1 gap-3"
        >
          <legend className="sr-only">Groups of {target}</legend>
          {groups.length === 0 ? (
            <p className="text-sm text-muted-foreground">In no group.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Groups">
              {groups.map((group) => (
                <li key={group} className="min-w-0 max-w-full">
                  <Badge
                    variant="outline"
                    className="max-w-full gap-1 py-0 pr-0 text-sm font-normal whitespace-normal wrap-anywhere"
                  >
                    {group}
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon-sm"
                      className="size-6"
                      aria-label={`Remove from ${group}`}
                      onClick={() => run(removeFromGroupAction, group)}
                    >
                      <XIcon aria-hidden />
                    </Button>
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={add} className="flex flex-wrap items-center gap-2">
            <label htmlFor="add-group" className="text-sm">
              Add to group
            </label>
            <select
              id="add-group"
              name="group"
              className="h-8 min-w-40 max-w-full rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50"
            >
              {addable.length === 0 && <option value="">No other group</option>}
              {addable.map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </select>
            <Button type="submit" size="sm" variant="outline" disabled={addable.length === 0}>
              Add
            </Button>
          </form>
        </fieldset>
        {!ability.allowed && (
          <p id="groups-refusal" className="text-xs text-muted-foreground">
            {ability.reason}
          </p>
        )}
        <FormMessage state={outcome} />
      </CardContent>
    </Card>
  )
}
