import { test as base } from '@playwright/test'
import { SESSION_COOKIE } from '../lib/auth/next/cookie'
import type { Role } from '../lib/auth/roles'
import { createSession } from '../lib/auth/sessions'
import { createUser } from '../lib/auth/users'
import { createDb } from '../lib/db/client'
import type { MsxContext } from '../lib/msx/context'
import { E2E_BASE_URL, E2E_DATABASE_URL } from './env'

export interface E2eUser {
  name: string
  role: Role
  password: string
}

/**
 * `msx`: the domain core on the e2e master's own database, to make each test's data the way the product
 * would (never through a public route). Give every object a name unique to the test (see `unique`).
 * `role`: every test's browser is signed in as a fresh user of this role (`test.use({ role: 'viewer' })`);
 * `signedIn: false` leaves it signed out.
 */
export const test = base.extend<
  {
    unique: (prefix: string) => string
    role: Role
    signedIn: boolean
    user: E2eUser
    newUser: (role: Role) => Promise<E2eUser>
  },
  { msx: MsxContext }
>({
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
  role: ['administrator', { option: true }],
  signedIn: [true, { option: true }],
  newUser: async ({ msx, unique }, use) => {
    await use(async (role) => {
      const user = { name: unique(role.slice(0, 5)).toLowerCase(), role, password: 'correct horse battery staple' }
      await createUser(msx, user)
      return user
    })
  },
  user: async ({ newUser, role }, use) => {
    await use(await newUser(role))
  },
  // A test acts once the page is interactive: a click before hydration is lost (on a loaded machine hydration took
  // seconds after the load event), and nothing else on every page says when it has happened.
  page: async ({ page }, use) => {
    const interactive = () => page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 })
    const goto = page.goto.bind(page)
    const reload = page.reload.bind(page)
    page.goto = async (...args) => {
      const response = await goto(...args)
      await interactive()
      return response
    }
    page.reload = async (...args) => {
      const response = await reload(...args)
      await interactive()
      return response
    }
    await use(page)
  },
  context: async ({ context, msx, user, signedIn }, use) => {
    if (signedIn) {
      const account = await msx.db.user.findUniqueOrThrow({ where: { nameKey: user.name.toUpperCase() } })
      const session = await createSession(msx.db, account.id, { kind: 'browser', address: '127.0.0.1' })
      await context.addCookies([
        { name: SESSION_COOKIE, value: session.secret, url: E2E_BASE_URL, httpOnly: true, sameSite: 'Strict' },
      ])
    }
    await use(context)
  },
})

export { expect } from '@playwright/test'
