'use client'

import { CircleAlertIcon, FileQuestionIcon, LoaderCircleIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export function ListLoading() {
  return (
    <Card role="status" className="flex items-center justify-center gap-2 py-16 text-sm text-muted-foreground">
      <LoaderCircleIcon className="size-4 animate-spin" aria-hidden />
      Loading…
    </Card>
  )
}

export function ListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <Card>
      <EmptyState
        icon={CircleAlertIcon}
        title="The list could not be loaded"
        action={
          <Button variant="outline" onClick={onRetry}>
            Try again
          </Button>
        }
      >
        <p role="alert">{error.message}</p>
      </EmptyState>
    </Card>
  )
}

export function PastLastPage({ page, onFirstPage }: { page: number; onFirstPage: () => void }) {
  return (
    <EmptyState
      icon={FileQuestionIcon}
      title={`Page ${page} is past the end of the list`}
      action={
        <Button variant="outline" onClick={onFirstPage}>
          Go to the first page
        </Button>
      }
    >
      <p>The list is shorter than it was when this link was made.</p>
    </EmptyState>
  )
}
