import { ServerOffIcon } from 'lucide-react'
import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'

export default function TargetNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 md:px-8">
      <Card>
        <EmptyState
          icon={ServerOffIcon}
          title="No such target server"
          action={
            <Button asChild variant="outline">
              <Link href="/targets">Go to Manage Target Servers</Link>
            </Button>
          }
        >
          <p>
            No target server enlisted into this master has that name. It may have defected or been removed; the activity
            log says when.
          </p>
        </EmptyState>
      </Card>
    </div>
  )
}
