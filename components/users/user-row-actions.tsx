'use client'

import { useState } from 'react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/auth/action-result'
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles'
import { resetPasswordAction, setUserDisabledAction, setUserRoleAction } from './actions'

/** Role, enable/disable and password reset for one user; each says what it did or why it was refused. */
export function UserRowActions({ name, role, disabled }: { name: string; role: Role; disabled: boolean }) {
  const { run: runAction, pending, outcome: message } = useServerAction()
  const [resetting, setResetting] = useState(false)
  const [password, setPassword] = useState('')
  const run = <T,>(action: () => Promise<ActionResult<T>>) =>
    runAction(action, () => {
      setResetting(false)
      setPassword('')
    })
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <select
        aria-label={`Role of ${name}`}
        value={role}
        disabled={pending}
        onChange={(e) => run(() => setUserRoleAction({ name, role: e.target.value }))}
        className="h-8 rounded-md border border-input bg-background px-2 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => run(() => setUserDisabledAction({ name, disabled: !disabled }))}
      >
        {disabled ? 'Enable' : 'Disable'}
      </Button>
      {resetting ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault()
            run(() => resetPasswordAction({ name, password }))
          }}
        >
          <Input
            type="password"
            aria-label={`New password for ${name}`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="h-8 w-44"
          />
          <Button size="sm" type="submit" disabled={pending}>
            Set
          </Button>
        </form>
      ) : (
        <Button variant="outline" size="sm" disabled={pending} onClick={() => setResetting(true)}>
          Reset password
        </Button>
      )}
      {message && (
        <p
          role="status"
          className={
            message.ok ? 'w-full text-right text-xs text-emerald-600' : 'w-full text-right text-xs text-destructive'
          }
        >
          {message.message}
        </p>
      )}
    </div>
  )
}
