// Every page gets a Content-Security-Policy with a fresh nonce: Next.js puts it on its own scripts, so no other
// script can run, and no other site may frame the dashboard. Server action requests that Next.js would fail on
// (cross-site, oversized, malformed) are refused first, with a 4xx.
import { type NextRequest, NextResponse } from 'next/server'
import { actionRequestRefusal } from './lib/auth/next/action-request'

const dev = process.env.NODE_ENV !== 'production'

function policy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (Radix positions its popovers with them)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export async function proxy(request: NextRequest) {
  // a cross-site, oversized or malformed server action is refused here: Next.js would answer it with a 500
  const refused = await actionRequestRefusal(request)
  if (refused) return refused
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const csp = policy(nonce)
  const forwarded = new Headers(request.headers)
  forwarded.set('x-nonce', nonce)
  forwarded.set('content-security-policy', csp)
  // where a signed-out visitor was going, so sign-in can take them back there
  forwarded.set('x-msx-path', request.nextUrl.pathname + request.nextUrl.search)
  const response = NextResponse.next({ request: { headers: forwarded } })
  response.headers.set('content-security-policy', csp)
  return response
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg).*)' }],
}
