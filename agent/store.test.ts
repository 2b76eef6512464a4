import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AgentStore } from './store'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe("the agent's store", () => {
  it('takes the write lock as a change begins: a change that reads first cannot meet a stale snapshot', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-store-'))
    dirs.push(dir)
    const store = new AgentStore(dir)
    // another process on the same store, such as msx-agent connection add while the agent runs
    const other = new Database(path.join(dir, 'agent.db'), { timeout: 50 })
    const otherWrite = other.prepare("INSERT INTO settings (key, value) VALUES ('name', 'OTHER')")
    try {
      store.write(() => {
        expect(store.get('name')).toBeUndefined()
        expect(() => otherWrite.run()).toThrow(/locked|busy/i)
        store.set({ name: 'TSX1' })
      })
      expect(store.get('name')).toBe('TSX1')
      expect(() => otherWrite.run()).toThrow(/UNIQUE/)
    } finally {
      other.close()
      store.close()
    }
  })
})
