import { GeistMono } from 'geist/font/mono'
import { GeistSans } from 'geist/font/sans'
import type { Metadata } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { AppShell, type MasterSummary } from '@/components/app-shell/app-shell'
import { db } from '@/lib/db/client'
import { Providers } from './providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'msx-admin', template: '%s · msx-admin' },
  description: 'Multiserver job administration: one master server, a fleet of enlisted target servers.',
}

async function readMaster(): Promise<MasterSummary | null> {
  await connection()
  const master = await (await db()).masterServer.findUnique({ where: { id: 1 } })
  return master && { name: master.name, version: master.version, dismantled: master.dismantledAt !== null }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const master = await readMaster()
  return (
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="font-sans">
        <Providers>
          <AppShell master={master}>{children}</AppShell>
        </Providers>
      </body>
    </html>
  )
}
