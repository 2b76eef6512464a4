// What `msx user` needs on the master itself: its database (which the master created and migrated), acting as the
// OS user. Every other verb goes through the master's API as the signed-in user.
import fs from 'node:fs'
import os from 'node:os'
import { config } from '../lib/config'
import { db } from '../lib/db/client'
import { parseDatabaseUrl } from '../lib/db/url'
import type { MsxContext } from '../lib/msx/context'
import { refused } from '../lib/msx/errors'

export async function cliContext(): Promise<MsxContext> {
  const target = parseDatabaseUrl(config().databaseUrl)
  if (target.provider === 'sqlite' && !fs.existsSync(target.file))
    throw refused(
      `There is no master database at ${target.file}: start the master first (npm start), or set MSX_DATA_DIR / DATABASE_URL.`,
    )
  return { db: await db(), actor: { name: os.userInfo().username, address: 'cli' } }
}
