'use client'

import { CircleAlertIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 md:px-8">
      <Card>
        <EmptyState
          icon={CircleAlertIcon}
          title="This page could not be shown"
          action={<Button onClick={reset}>Try again</Button>}
        >
          <p role="alert">{error.message || 'The master could not answer.'}</p>
          {error.digest && <p className="mt-2 font-mono text-xs">Reference {error.digest}</p>}
        </EmptyState>
      </Card>
    </div>
  )
}
