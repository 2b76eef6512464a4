// Where each provider's schema and migrations are, and which migrations this version holds.
import fs from 'node:fs'
import path from 'node:path'
import { APP_ROOT } from '../app-root'
import type { DatabaseTarget } from './url'

/** prisma/<provider>: its schema.prisma and its migrations folder. */
export function prismaDir(provider: DatabaseTarget['provider']) {
  return path.join(APP_ROOT, 'prisma', provider)
}

/** The names of the migration folders in a migrations folder, in the order they apply. */
export function migrationFolders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

/** The migrations this version of the product holds for a provider. */
export function migrationNames(provider: DatabaseTarget['provider']): string[] {
  const dir = path.join(prismaDir(provider), 'migrations')
  return fs.existsSync(dir) ? migrationFolders(dir) : []
}
