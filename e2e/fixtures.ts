import { test as base } from '@playwright/test'
import { createDb } from '../lib/db/client'
import type { MsxContext } from '../lib/msx/context'
import { E2E_DATABASE_URL } from './env'

/**
 * `msx`: the domain core on the e2e master's own database, to make each test's data the way the product
 * would (never through a public route). Give every object a name unique to the test (see `unique`).
 */
export const test = base.extend<{ unique: (prefix: string) => string }, { msx: MsxContext }>({
  msx: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const db = await createDb(E2E_DATABASE_URL)
      await use({ db, actor: { name: 'e2e-setup', address: '127.0.0.1' } })
      await db.$disconnect()
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  unique: async ({}, use, testInfo) => {
    let n = 0
    // testId is "<file hash>-<test hash>": the test part tells tests of one file apart
    const id = testInfo.testId
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-8)
      .toUpperCase()
    await use((prefix) => `${prefix}${id}${testInfo.repeatEachIndex}${testInfo.retry}${++n}`)
  },
})

export { expect } from '@playwright/test'
