import { NetworkIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import type { SessionUser } from '@/lib/auth/sessions'
import { NavLinks } from './nav-links'
import { NavigationSheet } from './navigation-sheet'
import { ThemeToggle } from './theme-toggle'
import { UserPanel } from './user-panel'

export interface MasterSummary {
  name: string
  version: string
  dismantled: boolean
}

function Brand() {
  return (
    <div className="flex shrink-0 items-center gap-2">
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <NetworkIcon className="size-4" aria-hidden />
      </span>
      <span className="font-semibold tracking-tight">msx-admin</span>
    </div>
  )
}

function MasterBadge({ master }: { master: MasterSummary | null }) {
  if (!master) return <p className="text-xs text-muted-foreground">This server is not set up as a master server yet.</p>
  return (
    <div className="min-w-0">
      <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Master server</p>
      <p className="flex items-center gap-2 truncate font-mono text-sm font-medium" title={master.name}>
        <span
          className={
            master.dismantled
              ? 'size-2 shrink-0 rounded-full bg-zinc-400'
              : 'size-2 shrink-0 rounded-full bg-emerald-500'
          }
          aria-hidden
        />
        {master.name}
      </p>
      <p className="text-xs text-muted-foreground">
        {master.dismantled ? 'Multiserver configuration dismantled' : `Version ${master.version}`}
      </p>
    </div>
  )
}

/** The master, the sections, who is signed in and the theme: the sidebar, or the menu of a narrow screen. */
function Sidebar({ master, user }: { master: MasterSummary | null; user: SessionUser | null }) {
  return (
    <>
      <div className="flex h-14 shrink-0 items-center border-b border-sidebar-border px-4">
        <Brand />
      </div>
      <div className="border-b border-sidebar-border px-4 py-3">
        <MasterBadge master={master} />
      </div>
      <nav aria-label="Sections" className="flex-1 px-2 py-3">
        <NavLinks administrator={user?.role === 'administrator'} />
      </nav>
      {user && (
        <div className="border-t border-sidebar-border px-3 py-2">
          <UserPanel user={user} />
        </div>
      )}
      <div className="flex items-center justify-between border-t border-sidebar-border px-4 py-2 text-xs text-muted-foreground">
        <span>Theme</span>
        <ThemeToggle />
      </div>
    </>
  )
}

/** The frame around every page: navigation, the master this console administers, the theme. */
export function AppShell({
  master,
  user,
  children,
}: {
  master: MasterSummary | null
  user: SessionUser | null
  children: ReactNode
}) {
  return (
    <div className="flex min-h-svh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-svh w-56 shrink-0 flex-col border-r border-sidebar-border bg-sidebar md:flex">
        <Sidebar master={master} user={user} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-sidebar-border bg-sidebar px-4 md:hidden">
          <Brand />
          <NavigationSheet>
            <Sidebar master={master} user={user} />
          </NavigationSheet>
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">
          {children}
        </main>
      </div>
    </div>
  )
}
