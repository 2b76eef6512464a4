'use client'

import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { revokeApiTokenAction } from './actions'

export function RevokeTokenButton({ id, label }: { id: number; label: string }) {
  const { run, pending, outcome } = useServerAction()
  const error = outcome && !outcome.ok ? outcome.message : ''
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={`Revoke API token ${label}`}
        onClick={() => run(() => revokeApiTokenAction({ id }))}
      >
        Revoke
      </Button>
      {error && (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      )}
    </span>
  )
}
