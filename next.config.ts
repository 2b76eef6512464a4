import type { NextConfig } from 'next'

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
  // the sidebar's footer holds the theme switch, bottom left
  devIndicators: { position: 'bottom-right' },
  // Native and Node-only code stays outside the server bundle and is loaded with Node's own require.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/client',
    '@prisma/driver-adapter-utils',
    'pg',
    '@prisma/adapter-pg',
    'pino',
  ],
}

export default nextConfig
