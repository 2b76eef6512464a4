'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'
import { PageHeader } from '@/components/page-header'
import { cn } from '@/lib/utils'

const TABS = [
  { href: '/targets', label: 'Target Server Status' },
  { href: '/targets/instructions', label: 'Download Instructions' },
] as const

/** The title both tabs share, with a tab's own actions beside it, and the tabs. */
export function ManageTargetsHeader({ children }: { children?: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Manage Target Servers"
        description="The target servers enlisted into this master: when each last polled, what it has still to download, and whether it is healthy."
      >
        {children}
      </PageHeader>
      <ManageTabs />
    </>
  )
}

/** The two tabs of SSMS's Manage Target Servers dialog, as links: each tab has its own URL. */
function ManageTabs() {
  const pathname = usePathname()
  return (
    <nav aria-label="Manage Target Servers" className="border-b">
      <ul className="-mb-px flex gap-4">
        {TABS.map((tab) => {
          const current = pathname === tab.href
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-flex border-b-2 px-1 pb-2.5 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                  current ? 'border-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
                )}
              >
                {tab.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
