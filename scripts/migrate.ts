// npm run db:migrate -- deploy          apply pending migrations to DATABASE_URL (the master does this at start)
// npm run db:migrate -- dev NAME        after editing prisma/models.prisma: write both schemas, then create the
//                                       migration NAME for SQLite and for PostgreSQL (on throwaway databases)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../lib/config'
import { migrateDeploy, migrateDev } from '../lib/db/migrate'
import { startPgCluster } from '../test/support/pg-cluster'

const [command, name] = process.argv.slice(2)

if (command === 'deploy') {
  const applied = await migrateDeploy(loadConfig().databaseUrl)
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
} else if (command === 'dev' && name && /^[a-z0-9_]+$/.test(name)) {
  execFileSync(process.execPath, ['scripts/prisma-schemas.mjs'], { stdio: 'inherit' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-migrate-'))
  try {
    console.log('sqlite:', (await migrateDev(`file:${path.join(dir, 'dev.db')}`, name)) ?? 'no schema changes')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const pg = await startPgCluster()
  try {
    console.log('postgresql:', (await migrateDev(pg.url, name)) ?? 'no schema changes')
  } finally {
    pg.stop()
  }
  execFileSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' })
} else {
  console.error('usage: npm run db:migrate -- deploy | dev NAME   (NAME: lower-case letters, digits and _)')
  process.exit(2)
}
process.exit(0)
