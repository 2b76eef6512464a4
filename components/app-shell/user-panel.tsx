import { LogOutIcon, UserIcon } from 'lucide-react'
import Link from 'next/link'
import { signOutAction } from '@/components/auth/actions'
import { Button } from '@/components/ui/button'
import { ROLE_LABELS } from '@/lib/auth/roles'
import type { SessionUser } from '@/lib/auth/sessions'

/** Who is signed in, with their role, their account page and sign-out. */
export function UserPanel({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <Link
        href="/account"
        className="flex min-w-0 items-center gap-2 rounded-md px-1 py-1 text-sm outline-none hover:bg-sidebar-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
        title="Your account"
      >
        <UserIcon className="size-4 shrink-0 opacity-70" aria-hidden />
        <span className="min-w-0">
          <span className="block truncate font-medium" data-testid="signed-in-user">
            {user.name}
          </span>
          <span className="block text-xs text-muted-foreground">{ROLE_LABELS[user.role]}</span>
        </span>
      </Link>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="icon" aria-label="Sign out" title="Sign out">
          <LogOutIcon className="size-4" aria-hidden />
        </Button>
      </form>
    </div>
  )
}
