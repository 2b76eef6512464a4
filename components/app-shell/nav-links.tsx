'use client'

import {
  ActivityIcon,
  FolderTreeIcon,
  GaugeIcon,
  ListChecksIcon,
  ServerIcon,
  SettingsIcon,
  UsersIcon,
  WandSparklesIcon,
} from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/utils'

const sections = [
  { href: '/targets', label: 'Target servers', icon: ServerIcon },
  { href: '/jobs', label: 'Jobs', icon: ListChecksIcon },
  // SSMS's Job Activity Monitor, under Jobs
  { href: '/jobs/activity', label: 'Running now', icon: GaugeIcon, nested: true },
  { href: '/groups', label: 'Groups', icon: FolderTreeIcon },
  { href: '/wizard', label: 'Master Server Wizard', icon: WandSparklesIcon },
  { href: '/activity', label: 'Activity', icon: ActivityIcon },
  { href: '/settings', label: 'Settings', icon: SettingsIcon },
] as const
const administration = [{ href: '/users', label: 'Users', icon: UsersIcon }] as const

const within = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`)

export function NavLinks({ administrator = false }: { administrator?: boolean }) {
  const pathname = usePathname()
  const links = administrator ? [...sections, ...administration] : sections
  return (
    <ul className="flex flex-col gap-1">
      {links.map(({ href, label, icon: Icon, ...link }) => {
        // the most specific link is the current one: Running now, not Jobs, on /jobs/activity
        const active =
          within(pathname, href) &&
          !links.some((other) => other.href.length > href.length && within(pathname, other.href))
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium text-sidebar-foreground/80 outline-none transition-colors',
                'hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
                active && 'bg-sidebar-accent text-sidebar-accent-foreground',
                'nested' in link && 'ml-4',
              )}
            >
              <Icon className={cn('size-4', active ? 'text-primary' : 'opacity-70')} aria-hidden />
              {label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
