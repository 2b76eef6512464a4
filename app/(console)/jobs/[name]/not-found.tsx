import { ListXIcon } from 'lucide-react'
import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export default function JobNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 md:px-8">
      <Card>
        <EmptyState
          icon={ListXIcon}
          title="No such multiserver job"
          action={
            <Button asChild variant="outline">
              <Link href="/jobs">Go to Jobs</Link>
            </Button>
          }
        >
          <p>No multiserver job on this master has that name. It may have been deleted; the activity log says when.</p>
        </EmptyState>
      </Card>
    </div>
  )
}
