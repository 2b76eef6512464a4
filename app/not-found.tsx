import { FileQuestionIcon } from 'lucide-react'
import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export default function NotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 md:px-8">
      <Card>
        <EmptyState
          icon={FileQuestionIcon}
          title="Page not found"
          action={
            <Button asChild variant="outline">
              <Link href="/targets">Go to target servers</Link>
            </Button>
          }
        >
          <p>There is no page at this address.</p>
        </EmptyState>
      </Card>
    </div>
  )
}
