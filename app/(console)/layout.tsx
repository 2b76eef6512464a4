import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { AppShell, type MasterSummary } from '@/components/app-shell/app-shell'
import { LiveRefreshProvider } from '@/components/live/refresh-context'
import { currentUser } from '@/lib/auth/next/current-user'
import { refreshPreferences } from '@/lib/auth/preferences'
import { db } from '@/lib/db/client'
import { readMaster } from '@/lib/msx/master'

async function masterSummary(): Promise<MasterSummary | null> {
  await connection()
  const master = await readMaster(await db())
  return master && { name: master.name, version: master.version, dismantled: master.dismantledAt !== null }
}

// Not an access check (each page makes its own, with requirePage): the frame only shows who is signed in.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [master, who] = await Promise.all([masterSummary(), currentUser()])
  const refresh = who ? await refreshPreferences(await db(), who.user.id).catch(() => null) : null
  return (
    <AppShell master={master} user={who?.user ?? null}>
      <LiveRefreshProvider initial={refresh}>{children}</LiveRefreshProvider>
    </AppShell>
  )
}
