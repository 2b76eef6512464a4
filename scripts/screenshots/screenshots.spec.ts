// The README's screenshots, each view in the light and the dark theme, at 1280 x 800 (the main ones also at a
// phone's 390 x 844), into docs/screenshots/.
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { targetRow as row } from '../../e2e/target-rows'
import { SESSION_COOKIE } from '../../lib/auth/next/cookie'
import { createSession } from '../../lib/auth/sessions'
import { createUser } from '../../lib/auth/users'
import { createDb, type Db } from '../../lib/db/client'
import { moveWizard } from '../../lib/msx/wizard'
import { SHOTS_BASE_URL, SHOTS_DATABASE_URL } from './env'
import { makeFleet, SHOWN_TARGET } from './fleet'
import { prepareWizard } from './wizard'

const OUT = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots')

let db: Db
let sessionSecret = ''

const test = base.extend({
  context: async ({ context }, use) => {
    await context.addCookies([
      { name: SESSION_COOKIE, value: sessionSecret, url: SHOTS_BASE_URL, httpOnly: true, sameSite: 'Strict' },
    ])
    await use(context)
  },
})

test.beforeAll(async () => {
  db = await createDb(SHOTS_DATABASE_URL)
  const ctx = { db, actor: { name: 'alice', address: '10.40.0.7' } }
  // a retried worker finds the fleet already made
  if ((await db.user.count()) === 0) {
    await createUser(ctx, { name: 'alice', role: 'administrator', password: 'correct horse battery staple' })
    await makeFleet(ctx)
  }
  const alice = await db.user.findUniqueOrThrow({ where: { nameKey: 'ALICE' } })
  sessionSecret = (await createSession(db, alice.id, { kind: 'browser', address: '10.40.0.7' })).secret
})

test.afterAll(async () => {
  await db.$disconnect()
})

/** Waits for the view's live data, then takes the viewport (the mouse parked where it shows no hover). */
async function shoot(page: Page, name: string, colorScheme: 'light' | 'dark') {
  await page.waitForLoadState('networkidle')
  await page.mouse.move(0, 799)
  await page.screenshot({ path: path.join(OUT, `${name}-${colorScheme}.png`) })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('Target Server Status', async ({ page }) => {
      await page.goto('/targets')
      await expect(row(page, 'SQL-BRN-02')).toContainText('Blocked')
      await expect(page.getByRole('region', { name: /^Pending enlistment requests/ }).first()).toContainText(
        'SQL-DEV-01',
      )
      await shoot(page, 'targets', colorScheme)
    })

    test('Download Instructions', async ({ page }) => {
      await page.goto('/targets/instructions')
      await expect(page.getByText('The time service is not running (w32time stopped).')).toBeVisible()
      await shoot(page, 'instructions', colorScheme)
    })

    test('a target server', async ({ page }) => {
      await page.goto(`/targets/${SHOWN_TARGET}`)
      await expect(page.getByRole('img', { name: /^Clock skew:/ })).toBeVisible()
      await page.getByRole('img', { name: /^Clock skew:/ }).scrollIntoViewIfNeeded()
      await shoot(page, 'target', colorScheme)
    })

    test('Jobs', async ({ page }) => {
      await page.goto('/jobs')
      await expect(page.getByRole('rowheader', { name: 'Nightly full backup' })).toBeVisible()
      await shoot(page, 'jobs', colorScheme)
    })

    test('Groups', async ({ page }) => {
      await page.goto('/groups')
      await expect(page.getByText('Production').first()).toBeVisible()
      await shoot(page, 'groups', colorScheme)
    })

    test('Activity', async ({ page }) => {
      await page.goto('/activity')
      await expect(page.getByRole('row').filter({ hasText: 'target.enlist' }).first()).toBeVisible()
      await shoot(page, 'activity', colorScheme)
    })

    test('Post Instructions', async ({ page }) => {
      await page.goto('/targets?group=Production')
      for (const name of ['SQL-PRD-01', 'SQL-PRD-02', 'SQL-PRD-03']) await row(page, name).getByRole('checkbox').check()
      await page.getByRole('button', { name: 'Post Instructions...' }).click()
      const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
      await dialog.getByRole('radio', { name: /Set polling interval/ }).check()
      await expect(dialog.getByText('It will reach 3 target servers.')).toBeVisible()
      await shoot(page, 'post-instructions', colorScheme)
    })

    test.describe('on a phone', () => {
      test.use({ viewport: { width: 390, height: 844 } })

      test('Target Server Status', async ({ page }) => {
        await page.goto('/targets')
        await expect(row(page, 'SQL-BRN-02')).toContainText('Blocked')
        await shoot(page, 'targets-narrow', colorScheme)
      })

      test('a target server', async ({ page }) => {
        await page.goto(`/targets/${SHOWN_TARGET}`)
        await expect(page.getByRole('img', { name: /^Clock skew:/ })).toBeVisible()
        await shoot(page, 'target-narrow', colorScheme)
      })

      test('Activity', async ({ page }) => {
        await page.goto('/activity')
        await expect(page.getByRole('row').filter({ hasText: 'target.enlist' }).first()).toBeVisible()
        await shoot(page, 'activity-narrow', colorScheme)
      })

      test("a job's duration chart", async ({ page }) => {
        await page.goto(`/jobs/${encodeURIComponent('Nightly full backup')}?tab=history`)
        const chart = page.getByRole('region', { name: 'Duration of the last 30 runs' })
        await expect(chart.getByText('longer than usual', { exact: true }).first()).toBeVisible()
        await chart.evaluate((region) => region.scrollIntoView({ block: 'start' }))
        await shoot(page, 'job-history-narrow', colorScheme)
      })
    })
  })
}

test.describe("a job's pages", () => {
  for (const [tab, shows] of [
    ['steps', 'Copy to vault'],
    ['schedules', 'At 02:30'],
  ] as const)
    test(tab, async ({ page }) => {
      await page.goto(`/jobs/${encodeURIComponent('Nightly full backup')}?tab=${tab}`)
      await expect(page.getByText(shows).first()).toBeVisible()
      await shoot(page, `job-${tab}`, 'light')
    })

  for (const colorScheme of ['light', 'dark'] as const)
    test(`history, its duration chart, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(`/jobs/${encodeURIComponent('Nightly full backup')}?tab=history`)
      const chart = page.getByRole('region', { name: 'Duration of the last 30 runs' })
      await expect(chart.getByText('longer than usual', { exact: true }).first()).toBeVisible()
      await chart.scrollIntoViewIfNeeded()
      await shoot(page, 'job-history', colorScheme)
    })
})

for (const colorScheme of ['light', 'dark'] as const)
  test(`Running now, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('/jobs/activity')
    await expect(page.getByRole('row').filter({ hasText: 'SQL-PRD-03' })).toContainText('Longer than usual')
    await shoot(page, 'jobs-activity', colorScheme)
  })

test.describe("a job's editor", () => {
  for (const [tab, shows, colorScheme] of [
    ['steps', 'On failure:', 'light'],
    ['steps', 'On failure:', 'dark'],
    ['schedules', "Next runs in the master's time zone", 'light'],
  ] as const)
    test(`${tab}, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(`/jobs/${encodeURIComponent('Nightly full backup')}/edit?tab=${tab}`)
      await expect(page.getByText(shows).first()).toBeVisible()
      await shoot(page, `job-editor-${tab}`, colorScheme)
    })
})

test.describe('Master Server Wizard', () => {
  const ctx = () => ({ db, actor: { name: 'alice', address: '10.40.0.7' } })
  test.beforeAll(async () => {
    await prepareWizard(ctx())
  })

  const steps = [
    { step: 'checks', shows: 'Allow TCP', themes: ['light'] },
    { step: 'operator', shows: 'Send test notification', themes: ['light'] },
    { step: 'targets', shows: 'SQL-DEV-01', themes: ['light'] },
    { step: 'compatibility', shows: 'Will not be enlisted', themes: ['light', 'dark'] },
  ] as const
  for (const { step, shows, themes } of steps)
    for (const colorScheme of themes)
      test(`${step}, ${colorScheme} theme`, async ({ page }) => {
        await moveWizard(ctx(), step)
        await page.emulateMedia({ colorScheme })
        await page.goto(`/wizard/${step}`)
        await expect(page.getByText(shows).first()).toBeVisible()
        await shoot(page, `wizard-${step}`, colorScheme)
      })

  // last: Finish enlists SQL-DEV-02 and rejects SQL-LAB-07
  test('complete, after Finish', async ({ page }) => {
    await moveWizard(ctx(), 'complete')
    await page.goto('/wizard/complete')
    await page.getByRole('button', { name: 'Finish', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Done', exact: true })).toBeVisible()
    await shoot(page, 'wizard-complete', 'light')
  })
})
