// Every page, in the light and the dark theme, and the dialogs of the targets toolbar have no serious or
// critical WCAG 2.1 A/AA violation (axe-core), with data on them: targets, a group, a pending enlistment
// request, an instruction in error, a job and a run of it in progress.
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
import { recordFinishedRuns } from './finished-runs'
import { expect, test } from './fixtures'
import { reportRunInProgress } from './run-in-progress'
import { targetRow } from './target-rows'

interface Data {
  target: string
  site: string
  job: string
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
  const job = unique('job')
  await createJob(msx, {
    name: job,
    steps: [{ name: 'back up', kind: 'cmdexec', command: 'true' }],
    schedules: [{ name: 'weeknights', cron: '30 2 * * 1-5' }],
    targets: { servers: [target], groups: [] },
  })
  // a chart of its durations, the last run failed and longer than usual
  await recordFinishedRuns(msx, job, target, [...Array(19).fill(60_000), 150_000], { lastFailed: true })
  await reportRunInProgress(msx, job, target)
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
  return { target, site, job }
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

/**
 * The page as it is now, in the light theme and then in the dark one (the app follows the system's scheme, so
 * the switch needs no reload and keeps an open dialog or calendar open).
 */
async function expectNoSeriousViolationsInEitherTheme(page: Page) {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await ready(page, colorScheme)
    found.push(...(await seriousViolations(page)).map((violation) => `[${colorScheme}] ${violation}`))
  }
  expect(found, `axe found serious or critical violations:\n${found.join('\n')}`).toEqual([])
}

// The data is only read, so one set serves every test of a worker: each set written wakes every open page.
// Auto refresh is off for each test's user: axe reads a page that stands still, not one that the other workers'
// changes keep redrawing (in the whole suite a page's test took 30 to 50 s, against 5 s alone).
const a11y = test.extend<{ stillPages: undefined }, { data: Data }>({
  stillPages: [
    async ({ msx, user, signedIn }, use) => {
      if (signedIn)
        await msx.db.user.update({ where: { nameKey: user.name.toUpperCase() }, data: { autoRefresh: false } })
      await use(undefined)
    },
    { auto: true },
  ],
  data: [
    async ({ msx }, use, workerInfo) => {
      const run = `${workerInfo.workerIndex}${Date.now().toString(36).slice(-4).toUpperCase()}`
      let n = 0
      await use(await makeData(msx, (prefix) => `${prefix}W${run}${++n}`))
    },
    { scope: 'worker' },
  ],
})

// axe reads every element of a page, twice: on a loaded 2-core machine a calendar's test took more than 60 s
a11y.describe.configure({ timeout: 120_000 })

const pages: [string, (data: Data) => string][] = [
  ['Target Server Status', (d) => `/targets?search=${d.site}`],
  ['Download Instructions', () => '/targets/instructions?status=error'],
  ['a target server', (d) => `/targets/${d.target}`],
  ['Groups', () => '/groups'],
  ['Activity', () => '/activity'],
  ['Settings', () => '/settings'],
  ['Jobs', () => '/jobs'],
  ["a job's editor, Steps", (d) => `/jobs/${encodeURIComponent(d.job)}/edit?tab=steps`],
  ["a job's editor, Schedules", (d) => `/jobs/${encodeURIComponent(d.job)}/edit?tab=schedules`],
  ["a new job's Targets", () => '/jobs/new?tab=targets'],
  ['Running now', (d) => `/jobs/activity?job=${d.job}`],
  ["a job's Targets", (d) => `/jobs/${encodeURIComponent(d.job)}?tab=targets`],
  ["a job's Missed runs", (d) => `/jobs/${d.job}?tab=missed`],
  ['Master Server Wizard, checks of the master', () => '/wizard/checks'],
  ['Master Server Wizard, target servers', () => '/wizard/targets'],
  ['Users', () => '/users'],
  ['Your account', () => '/account'],
]
for (const [title, path] of pages)
  a11y(`${title}`, async ({ page, data }) => {
    await page.goto(path(data))
    await expectNoSeriousViolationsInEitherTheme(page)
  })

a11y("a date filter's calendar", async ({ page }) => {
  await page.goto('/activity')
  await openCalendar(page, 'From date')
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y('the Post Instructions dialog', async ({ page, data }) => {
  await page.goto(`/targets?search=${data.site}`)
  await targetRow(page, data.target).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Post Instructions...' }).click()
  await expect(page.getByRole('dialog', { name: 'Post Instructions' })).toBeVisible()
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y('the Enlist a target server dialog, with Download agent package', async ({ page }) => {
  await page.goto('/targets')
  await page.getByRole('button', { name: 'Enlist a target server…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Enlist a target server' })
  await expect(dialog.getByRole('button', { name: /^Download agent package/ })).toBeVisible()
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y('the Force Defection confirmation', async ({ page, data }) => {
  await page.goto(`/targets?search=${data.site}`)
  await targetRow(page, data.target).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Force Defection' }).click()
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y("a job's History, a run in progress and the duration chart", async ({ page, data }) => {
  await page.goto(`/jobs/${data.job}?tab=history`)
  // the chart is drawn in the browser, once its width is known
  const plots = page.getByRole('list', { name: 'Run durations, a chart per target' })
  await expect(plots.getByText('longer than usual', { exact: true })).toBeVisible()
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y("a job's duration chart shown as a table", async ({ page, data }) => {
  await page.goto(`/jobs/${data.job}?tab=history`)
  await page.getByRole('button', { name: 'Show as table' }).click()
  await expect(page.getByRole('table', { name: 'Run durations per target' })).toBeVisible()
  await expectNoSeriousViolationsInEitherTheme(page)
})

a11y.describe('signed out', () => {
  a11y.use({ signedIn: false })

  a11y('Sign in', async ({ page }) => {
    await page.goto('/sign-in')
    await expectNoSeriousViolationsInEitherTheme(page)
  })
})
