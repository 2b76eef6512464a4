'use client'

// SSMS's Job Properties pages as tabs, each its own URL (?tab=), so a tab can be shared and reloaded.
import Link from 'next/link'
import { cn } from '@/lib/utils'
import { JOB_TABS, type JobTab } from './job-tab-ids'

export function JobTabs({ href, current }: { href: string; current: JobTab }) {
  return (
    <nav aria-label="Job properties" className="overflow-x-auto border-b">
      <ul className="-mb-px flex gap-4">
        {JOB_TABS.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.id === 'general' ? href : `${href}?tab=${tab.id}`}
              aria-current={tab.id === current ? 'page' : undefined}
              className={cn(
                'inline-block border-b-2 px-1 pb-2 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                tab.id === current
                  ? 'border-primary text-foreground'
                  : 'border-transparent text-muted-foreground hover:text-foreground',
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
