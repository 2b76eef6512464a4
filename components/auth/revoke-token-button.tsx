'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { revokeApiTokenAction } from './actions'

export function RevokeTokenButton({ id, label }: { id: number; label: string }) {
  const router = useRouter()
  const [pending, start] = useTransition()
  const [error, setError] = useState('')
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        aria-label={`Revoke API token ${label}`}
        onClick={() =>
          start(async () => {
            const result = await revokeApiTokenAction({ id })
            if (result.ok) router.refresh()
            else setError(result.message)
          })
        }
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
