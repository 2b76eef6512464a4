import { GeistMono } from 'geist/font/mono'
import { GeistSans } from 'geist/font/sans'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { requestLocale } from '@/lib/format/locale'
import { Providers } from './providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'msx-admin', template: '%s · msx-admin' },
  description: 'Multiserver job administration: one master server, a fleet of enlisted target servers.',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // the Content-Security-Policy nonce of this response (see proxy.ts), for the theme's inline script
  const requestHeaders = await headers()
  const nonce = requestHeaders.get('x-nonce') ?? undefined
  // dates are written in the browser's locale from the first render on: see components/format/date-locale.tsx
  const locale = requestLocale(requestHeaders.get('accept-language'))
  return (
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="font-sans">
        <Providers nonce={nonce} locale={locale}>
          {children}
        </Providers>
      </body>
    </html>
  )
}
