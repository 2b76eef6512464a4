import { afterAll, beforeAll } from 'vitest'
import type { MsxContext } from '../../lib/msx/context'
import { type EnlistmentInput, enlistTarget } from '../../lib/msx/targets'
import { MASTER_VERSION } from '../../lib/msx/versions'
import { createTestDb, type TestDb } from './test-db'

/** A fresh database for the test file, and a context acting as an administrator. */
export function testDatabase() {
  const state = {} as { testDb: TestDb; ctx: MsxContext }
  beforeAll(async () => {
    state.testDb = await createTestDb()
    state.ctx = { db: state.testDb.db, actor: { name: 'admin', address: '127.0.0.1' } }
  })
  afterAll(async () => {
    await state.testDb?.drop()
  })
  return state
}

export function enlist(ctx: MsxContext, name: string, input: Partial<EnlistmentInput> = {}) {
  return enlistTarget(ctx, { name, agentVersion: MASTER_VERSION, ...input })
}

let counter = 0
/** A target name no other test in the file uses. */
export function uniqueName(prefix = 'TSX') {
  counter += 1
  return `${prefix}${counter}`
}

// without vitest, so the benchmark can seed a fleet too
export { seedFleet } from './fleet'
