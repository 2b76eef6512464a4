import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
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
