import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from './client'
import { migrateDeploy, migrationsDir } from './migrate'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-migrate-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('migrations at start (SQLite)', () => {
  it('creates and migrates a new database, then has nothing to apply, even while another process has it open', async () => {
    const url = `file:${path.join(dir, 'nested', 'msx.db')}`
    const all = fs.readdirSync(migrationsDir('sqlite')).filter((name) => !name.endsWith('.toml'))
    expect(await migrateDeploy(url)).toEqual(all.sort())
    const other = await createDb(url)
    await other.masterServer.create({ data: { id: 1, name: 'MSX1', version: '0.1.0' } })
    expect(await migrateDeploy(url)).toEqual([])
    expect(await other.masterServer.count()).toBe(1)
    await other.$disconnect()
  })
})
