// A phone's 390 pixels: no page is wider than the screen, long names and all; the navigation folds into a menu
// that reaches every section, the account, the theme and sign-out; a wide table scrolls inside its card; the
// dialogs fit.
import { createHash } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import type { MsxContext } from '../lib/msx/context'
import { pendingInstructions } from '../lib/msx/download-list'
import { submitEnlistmentRequest } from '../lib/msx/enlistment-requests'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { acknowledgeInstructions } from '../lib/msx/instructions'
import { createJob } from '../lib/msx/jobs'
import { postOperation } from '../lib/msx/post-operation'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { recordFinishedRuns } from './finished-runs'
import { expect, test } from './fixtures'
import { reportRunInProgress } from './run-in-progress'
import { targetRow, targetsTable } from './target-rows'

const SCREEN = { width: 390, height: 844 }
test.use({ viewport: SCREEN })

interface Data {
  site: string
  target: string
  group: string
  job: string
}

/** The longest names the model allows, where a phone has the least room: targets, a group, a job, a request. */
async function makeData(msx: MsxContext, unique: (prefix: string) => string): Promise<Data> {
  const site = unique('SITE')
  const long = (prefix: string) => `${unique(prefix)}-${'REPORTING-WAREHOUSE-'.repeat(6)}`.slice(0, 128)
  const [target, blocked] = [long('NARROW'), long('NARROW')]
  for (const name of [target, blocked])
    await enlistTarget(msx, {
      name,
      agentVersion: MASTER_VERSION,
      location: `${site}, building 7, ${'row C '.repeat(20)}`.trim(),
      certFingerprint: `sha256:${createHash('sha256').update(name).digest('hex')}`,
    })
  const group = `${unique('grp')} ${'production database servers '.repeat(4)}`.slice(0, 128).trim()
  await createGroup(msx, group)
  await addGroupMembers(msx, group, [target, blocked])
  const job = `${unique('job')}-${'nightly-full-backup-'.repeat(5)}`.slice(0, 128)
  await createJob(msx, {
    name: job,
    steps: [{ name: 'back up', kind: 'cmdexec', command: `sqlcmd -Q "EXEC ${'dbo.BackupAllDatabases'.repeat(8)}"` }],
    schedules: [{ name: `weeknights ${'and weekends '.repeat(8)}`.slice(0, 128).trim(), cron: '30 2 * * 1-5' }],
    targets: { servers: [target], groups: [] },
  })
  // a chart of its durations, the last run failed and longer than usual
  await recordFinishedRuns(msx, job, target, [...Array(19).fill(60_000), 150_000], { lastFailed: true })
  await reportRunInProgress(msx, job, target)
  await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [blocked] } })
  const failing = await msx.db.targetServer.findFirstOrThrow({ where: { name: blocked } })
  const [first] = (await pendingInstructions(msx.db, failing.id)).instructions
  await acknowledgeInstructions(msx.db, failing.id, [
    { id: first?.id ?? 0, ok: false, error: `The time service is not running: ${'w32time'.repeat(20)}` },
  ])
  const asking = long('ASK')
  await submitEnlistmentRequest(msx.db, {
    name: asking,
    location: site,
    agentVersion: MASTER_VERSION,
    keyFingerprint: `sha256:${Buffer.from(asking).toString('hex').padEnd(64, 'a').slice(0, 64)}`,
    sourceAddress: '10.1.2.3',
  })
  return { site, target, group, job }
}

/**
 * Where the page starts sticking out past the right edge of the screen, outside any box that scrolls or clips:
 * empty when the page is no wider than the screen. Each as its tag, classes and text, so a failure says where.
 */
function stickingOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const out = (element: Element | null) => element !== null && element.getBoundingClientRect().right > width + 0.5
    const inBox = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true
      return false
    }
    return [...document.body.querySelectorAll('*')]
      .filter((element) => out(element) && !out(element.parentElement) && !inBox(element))
      .slice(0, 8)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.textContent ?? '').slice(0, 60)}`)
  })
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

async function expectNoWiderThanScreen(page: Page) {
  await expect.poll(() => stickingOut(page), { message: 'nothing sticks out past 390 pixels' }).toEqual([])
  expect(await pageWidth(page)).toBeLessThanOrEqual(SCREEN.width)
}

/** The page is rendered and its live data loaded. */
async function ready(page: Page) {
  await expect(page.getByRole('heading').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
}

const signedInPages: [string, (data: Data) => string][] = [
  ['Target Server Status', (d) => `/targets?search=${d.site}`],
  ['Download Instructions', () => '/targets/instructions?status=error'],
  ['a target server', (d) => `/targets/${d.target}`],
  ['an unknown target server', () => '/targets/NO-SUCH-TARGET-ANYWHERE'],
  ['Groups', () => '/groups'],
  ['a group', (d) => `/groups?group=${encodeURIComponent(d.group)}`],
  ['Activity', (d) => `/activity?search=${d.site}`],
  ['Users', () => '/users'],
  ['Your account', () => '/account'],
  ['Settings', () => '/settings'],
  ['Jobs', () => '/jobs'],
  ['a job', (d) => `/jobs/${encodeURIComponent(d.job)}?tab=steps`],
  ["a job's editor, Steps", (d) => `/jobs/${encodeURIComponent(d.job)}/edit?tab=steps`],
  ["a job's editor, Schedules", (d) => `/jobs/${encodeURIComponent(d.job)}/edit?tab=schedules`],
  [
    "a job's History, a run in progress and the duration chart",
    (d) => `/jobs/${encodeURIComponent(d.job)}?tab=history`,
  ],
  ["a job's Targets", (d) => `/jobs/${encodeURIComponent(d.job)}?tab=targets`],
  ["a job's Missed runs", (d) => `/jobs/${encodeURIComponent(d.job)}?tab=missed`],
  ['Running now', (d) => `/jobs/activity?job=${encodeURIComponent(d.job)}`],
  ['the Master Server Wizard, checks of the master', () => '/wizard/checks'],
  ['the Master Server Wizard, target servers', () => '/wizard/targets'],
]

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    for (const [title, path] of signedInPages)
      test(`${title} is no wider than the screen`, async ({ page, msx, unique }) => {
        await page.goto(path(await makeData(msx, unique)))
        await ready(page)
        await expectNoWiderThanScreen(page)
      })
  })

test.describe('signed out', () => {
  test.use({ signedIn: false })

  for (const path of ['/sign-in', '/setup'])
    test(`${path} is no wider than the screen`, async ({ page }) => {
      await page.goto(path)
      await ready(page)
      await expectNoWiderThanScreen(page)
    })
})

test('the navigation opens from the menu button and reaches every section, the account, the theme and sign-out', async ({
  page,
  user,
}) => {
  await page.goto('/targets')
  // while the menu is open, the rest of the page (its button too) is hidden from assistive technology
  const menu = page.getByRole('button', { name: 'Open navigation', includeHidden: true })
  const navigation = page.getByRole('dialog', { name: 'Navigation' })

  await test.step('folded: a menu button, no section links on the page', async () => {
    await expect(menu).toBeInViewport()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(page.getByRole('link', { name: 'Settings' })).toBeHidden()
    await expectNoWiderThanScreen(page)
  })

  await test.step('opened, every link is on the screen; Escape closes it and the focus is back', async () => {
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    for (const name of [
      'Target servers',
      'Jobs',
      'Running now',
      'Groups',
      'Master Server Wizard',
      'Activity',
      'Settings',
      'Users',
    ])
      await expect(navigation.getByRole('link', { name, exact: true })).toBeInViewport()
    await expect(navigation.getByRole('link', { name: new RegExp(user.name) })).toBeInViewport()
    await expect(navigation.getByRole('button', { name: 'Sign out' })).toBeInViewport()
    await page.keyboard.press('Escape')
    await expect(navigation).toBeHidden()
    await expect(menu).toBeFocused()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
  })

  await test.step('a link goes to its page and closes the menu', async () => {
    await menu.click()
    await navigation.getByRole('link', { name: 'Settings', exact: true }).click()
    await expect(page).toHaveURL(/\/settings$/)
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    await expect(navigation).toBeHidden()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
  })

  await test.step('the theme switch is in the menu', async () => {
    await menu.click()
    await navigation.getByRole('button', { name: 'Color theme' }).click()
    await page.getByRole('menuitemradio', { name: 'Dark' }).click()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  })

  await test.step('sign out from the menu', async () => {
    await expect(navigation).toBeVisible()
    await navigation.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
  })
})

test('a wide table scrolls sideways inside its card; the page does not', async ({ page, msx, unique }) => {
  const { site, target } = await makeData(msx, unique)
  await page.goto(`/targets?search=${site}`)
  await expect(targetRow(page, target)).toBeVisible()
  await page.waitForLoadState('networkidle')
  const box = page.getByRole('region', { name: 'Target servers', exact: true })
  await expect(box).toContainText(target)
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  const card = box.locator('xpath=ancestor::*[@data-slot="card"][1]')
  expect((await card.boundingBox())?.width).toBeLessThanOrEqual(SCREEN.width)
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
  const last = await targetsTable(page).getByRole('columnheader').last().boundingBox()
  expect((last?.x ?? -1) + (last?.width ?? 0)).toBeLessThanOrEqual(SCREEN.width)
  expect(last?.x).toBeGreaterThanOrEqual(0)
  await expectNoWiderThanScreen(page)
})

test('the dialogs fit the screen', async ({ page, msx, unique }) => {
  // four dialogs on three pages: on a loaded 2-core machine in CI that took more than 30 s
  test.slow()
  const { site, target, group } = await makeData(msx, unique)
  const fits = async (dialog: Locator) => {
    await expect(dialog).toBeVisible()
    const bounds = await dialog.boundingBox()
    expect(bounds?.x).toBeGreaterThanOrEqual(0)
    expect((bounds?.x ?? 0) + (bounds?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(SCREEN.width)
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await expectNoWiderThanScreen(page)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }

  await test.step('Post Instructions', async () => {
    await page.goto(`/targets?search=${site}`)
    await targetRow(page, target).getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Post Instructions...' }).click()
    await fits(page.getByRole('dialog', { name: 'Post Instructions' }))
  })

  await test.step('Force Defection, naming the long-named target', async () => {
    await page.getByRole('button', { name: 'Force Defection' }).click()
    await fits(page.getByRole('alertdialog').filter({ hasText: target }))
  })

  await test.step('Enlist a target server, its command and all', async () => {
    await page.getByRole('button', { name: 'Enlist a target server…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Enlist a target server' })
    await dialog.getByRole('button', { name: 'Download agent package' }).scrollIntoViewIfNeeded()
    await fits(dialog)
  })

  await test.step("a group's Add members", async () => {
    await page.goto(`/groups?group=${encodeURIComponent(group)}`)
    await page.getByRole('button', { name: 'Add members' }).click()
    await fits(page.getByRole('dialog', { name: /^Add target servers to/ }))
  })
})
