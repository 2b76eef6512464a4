// A fresh, migrated database for each test file: a copy of a migrated SQLite template file, or a PostgreSQL
// database cloned from a migrated template database. Which one comes from the Vitest project (MSX_TEST_DB).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { createDb, type Db } from '../../lib/db/client'
import { ensureMaster } from '../../lib/msx/master'

export interface TestDb {
  db: Db
  url: string
  provider: 'sqlite' | 'postgresql'
  drop(): Promise<void>
}

export async function createTestDb(): Promise<TestDb> {
  const provider = inject('testDbProvider')
  const template = inject('testDbTemplateUrl')
  const id = `t_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-test-'))
    const file = path.join(dir, `${id}.db`)
    fs.copyFileSync(template.slice('file:'.length), file)
    const url = `file:${file}`
    const db = await createDb(url)
    await ensureMaster(db, 'MSX1')
    return {
      db,
      url,
      provider,
      drop: async () => {
        await db.$disconnect()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  await cloneTemplate(template, id)
  const url = template.replace(/\/[^/]*$/, `/${id}`)
  const db = await createDb(url)
  await ensureMaster(db, 'MSX1')
  return {
    db,
    url,
    provider,
    drop: async () => {
      await db.$disconnect()
      const client = new pg.Client({ connectionString: serverDatabase(template) })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${id}" WITH (FORCE)`)
      await client.end()
    },
  }
}

/** The server's own database: a session on the template itself would keep every other worker from copying it. */
const serverDatabase = (template: string) => template.replace(/\/[^/]*$/, '/postgres')

/**
 * PostgreSQL copies a template only while no other session uses it, and CREATE DATABASE itself holds it for a
 * moment: two test files starting at once on different workers collide (55006, "being accessed by other users").
 * The loser tries again shortly.
 */
async function cloneTemplate(template: string, id: string) {
  const admin = new pg.Client({ connectionString: serverDatabase(template) })
  await admin.connect()
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${id}" TEMPLATE msx_template`)
        return
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80))
      }
    }
  } finally {
    await admin.end()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDbProvider: 'sqlite' | 'postgresql'
    /** a migrated template: a SQLite file URL, or the PostgreSQL URL of the template's server */
    testDbTemplateUrl: string
  }
}
