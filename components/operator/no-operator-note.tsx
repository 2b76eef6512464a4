import Link from 'next/link'
import type { ReactNode } from 'react'

/** Where a job's notifications are shown or chosen on a master without an MSXOperator: who is told, and where it is made. */
export function NoOperatorNote({ children }: { children: ReactNode }) {
  return (
    <p role="note" className="rounded-md border bg-muted/40 p-3 text-sm">
      {children}{' '}
      <Link href="/wizard/operator" className="underline underline-offset-2">
        Set it up in the Master Server Wizard
      </Link>{' '}
      or on{' '}
      <Link href="/settings" className="underline underline-offset-2">
        Settings
      </Link>
      .
    </p>
  )
}
