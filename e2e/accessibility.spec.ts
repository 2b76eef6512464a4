// Every page, in the light and the dark theme, and the two dialogs of the targets toolbar have no serious or
// critical WCAG 2.1 A/AA violation (axe-core), with data on them: targets, a group, a pending enlistment
// request, an instruction in error and a job.
import type { Page } from '@playwright/test'
import { pendingInstructions } from '../lib/msx/download-list'
import { submitEnlistmentRequest } from '../lib/msx/enlistment-requests'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { acknowledgeInstructions } from '../lib/msx/instructions'
import { createJob } from '../lib/msx/jobs'
import { postOperation } from '../lib/msx/post-operation'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { seriousViolations } from './axe'
import { openCalendar } from './date-picker'
import { expect, test } from './fixtures'
import { targetRow } from './target-rows'

interface Data {
  target: string
  site: string
}

/** A site of three targets in a group, one with a job and one blocked by an error; a request to enlist. */
async function makeData(msx: Parameters<typeof enlistTarget>[0], unique: (prefix: string) => string): Promise<Data> {
  const site = unique('SITE')
  const [target, second, blocked] = [unique('A11Y'), unique('A11Y'), unique('A11Y')]
  const enlist = (name: string) => enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })
  await enlist(target)
  await enlist(second)
  const failing = await enlist(blocked)
  const group = unique('grp')
  await createGroup(msx, group)
  await addGroupMembers(msx, group, [target, second])
  await createJob(msx, {
    name: unique('job'),
    steps: [{ name: 'back up', kind: 'cmdexec', command: 'true' }],
    targets: { servers: [target], groups: [] },
  })
  await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [blocked] } })
  const [first] = (await pendingInstructions(msx.db, failing.id)).instructions
  await acknowledgeInstructions(msx.db, failing.id, [{ id: first?.id ?? 0, ok: false, error: 'Proxy not found.' }])
  const asking = unique('ASK')
  await submitEnlistmentRequest(msx.db, {
    name: asking,
    location: site,
    agentVersion: MASTER_VERSION,
    keyFingerprint: `sha256:${Buffer.from(asking).toString('hex').padEnd(64, 'a').slice(0, 64)}`,
    sourceAddress: '10.1.2.3',
  })
  return { target, site }
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await seriousViolations(page)
  expect(violations, `axe found serious or critical violations:\n${violations.join('\n')}`).toEqual([])
}

/** The page is rendered and its live data loaded, in the theme asked for. */
async function ready(page: Page, colorScheme: 'light' | 'dark') {
  await expect(page.getByRole('heading').first()).toBeVisible()
  // not networkidle: a live page keeps its change stream open
  await page.waitForLoadState('load')
  const html = page.locator('html')
  if (colorScheme === 'dark') await expect(html).toHaveClass(/\bdark\b/)
  else await expect(html).not.toHaveClass(/\bdark\b/)
}

// axe reads every element of a page, on a page that refreshes as the other tests' changes reach it: on a loaded
// 2-core machine one analysis took 22 s, and a calendar's test more than 60 s in all
test.describe.configure({ timeout: 90_000 })

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    const pages: [string, (data: Data) => string][] = [
      ['Target Server Status', (d) => `/targets?search=${d.site}`],
      ['Download Instructions', () => '/targets/instructions?status=error'],
      ['a target server', (d) => `/targets/${d.target}`],
      ['Groups', () => '/groups'],
      ['Activity', () => '/activity'],
      ['Settings', () => '/settings'],
      ['Users', () => '/users'],
      ['Your account', () => '/account'],
    ]
    for (const [title, path] of pages)
      test(`${title}`, async ({ page, msx, unique }) => {
        await page.goto(path(await makeData(msx, unique)))
        await ready(page, colorScheme)
        await expectNoSeriousViolations(page)
      })

    test("a date filter's calendar", async ({ page }) => {
      await page.goto('/activity')
      await ready(page, colorScheme)
      await openCalendar(page, 'From date')
      await expectNoSeriousViolations(page)
    })

    test('the Post Instructions dialog', async ({ page, msx, unique }) => {
      const { target, site } = await makeData(msx, unique)
      await page.goto(`/targets?search=${site}`)
      await ready(page, colorScheme)
      await targetRow(page, target).getByRole('checkbox').check()
      await page.getByRole('button', { name: 'Post Instructions...' }).click()
      await expect(page.getByRole('dialog', { name: 'Post Instructions' })).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test('the Force Defection confirmation', async ({ page, msx, unique }) => {
      const { target, site } = await makeData(msx, unique)
      await page.goto(`/targets?search=${site}`)
      await ready(page, colorScheme)
      await targetRow(page, target).getByRole('checkbox').check()
      await page.getByRole('button', { name: 'Force Defection' }).click()
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test.describe('signed out', () => {
      test.use({ signedIn: false })

      test('Sign in', async ({ page }) => {
        await page.goto('/sign-in')
        await ready(page, colorScheme)
        await expectNoSeriousViolations(page)
      })
    })
  })
}
