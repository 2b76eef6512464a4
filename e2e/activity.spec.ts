import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { addDays, startOfDay } from 'date-fns'
import { recordAudit } from '../lib/msx/audit'
import { inTransaction, type MsxContext } from '../lib/msx/context'
import { forcePoll } from '../lib/msx/force-poll'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { choose } from './choose'
import { dateFilter, openCalendar } from './date-picker'
import { fillUntilUrl } from './fill-until'
import { expect, test } from './fixtures'

function entryFor(page: Page, objectName: string) {
  return page.getByRole('row').filter({ hasText: objectName })
}

test('the activity log shows who enlisted each target server', async ({ page, msx, unique }) => {
  const site = unique('SITE')
  const first = unique('FIRST')
  const second = unique('SECOND')
  for (const name of [first, second]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })

  await page.goto('/activity')
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search activity' }).fill(site)
  await expect(page).toHaveURL(new RegExp(`[?&]search=${site}`))

  for (const name of [first, second]) {
    const entry = entryFor(page, name)
    await expect(entry.getByRole('rowheader')).toHaveText('e2e-setup')
    await expect(entry).toContainText('target.enlist')
    await expect(entry).toContainText(site)
    await expect(entry).toContainText('127.0.0.1')
    await expect(entry).toContainText('Success')
  }
  // newest first
  await expect(page.getByRole('row').nth(1)).toContainText(second)
})

test('filters by actor and action, kept in the URL', async ({ page, msx, unique }) => {
  const name = unique('AUDITED')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })

  await page.goto(`/activity?search=${name}`)
  await expect(entryFor(page, name)).toBeVisible()

  await page.getByRole('searchbox', { name: 'Actor' }).fill('someone-else')
  await expect(page).toHaveURL(/[?&]actor=someone-else/)
  await expect(page.getByRole('heading', { name: 'No activity matches' })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Actor' }).fill('e2e-setup')
  await page.getByRole('searchbox', { name: 'Action' }).fill('target.enlist')
  await expect(page).toHaveURL(/[?&]action=target\.enlist/)
  await expect(page).toHaveURL(/[?&]actor=e2e-setup/)
  await expect(entryFor(page, name)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Action' })).toHaveValue('target.enlist')
  await expect(entryFor(page, name)).toBeVisible()
})

test('the JSON read refuses a bad page number', async ({ page }) => {
  const response = await page.request.get('/api/activity?page=0')
  expect(response.status()).toBe(400)
  expect(((await response.json()) as { error: string }).error).toContain('page')
})

/** A refused change as the product records it: a failure, in the activity log. */
function recordRefusal(ctx: MsxContext, objectName: string, details: Record<string, unknown> = {}) {
  return inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: 'target.defect',
      objectType: 'target',
      objectName,
      details,
      result: 'failure',
    }),
  )
}

test('filters by target server, result and date range, kept in the URL', async ({ page, msx, unique }) => {
  // a dozen filter changes, each a server render, and a reload: over 30 s on a loaded 2-core machine in CI
  test.slow()
  const names = Array.from({ length: 7 }, (_, i) => unique(`FLEET${i}X`))
  for (const name of names) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  await forcePoll(msx, names)
  const last = names[6] as string
  await recordRefusal(msx, last)

  await page.goto('/activity')
  const box = page.getByRole('searchbox', { name: 'Target server' })
  await fillUntilUrl(page, box, last.toLowerCase(), new RegExp(`[?&]target=${last.toLowerCase()}`))
  // the force poll's summary shows five names; the seventh is found all the same
  await expect(page.getByRole('row').filter({ hasText: 'target.force-poll' })).toContainText('and 2 more')
  await expect(page.getByRole('row').filter({ hasText: 'target.enlist' })).toContainText(last)
  await expect(page.getByRole('row')).toHaveCount(4) // the header, then three entries

  await choose(page, 'Result', 'Failure')
  await expect(page).toHaveURL(/[?&]result=failure/)
  await expect(page.getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('row').nth(1)).toContainText('target.defect')
  await expect(page.getByRole('row').nth(1)).toContainText('Failure')

  // from the keyboard: a calendar opens on the day chosen, or on today
  const pick = async (label: string, ...keys: string[]) => {
    await openCalendar(page, label)
    for (const key of [...keys, 'Enter']) await page.keyboard.press(key)
  }
  const from = () => new URL(page.url()).searchParams.get('from')
  await pick('From date', 'ArrowRight')
  await expect.poll(from).toBe(startOfDay(addDays(new Date(), 1)).toISOString())
  await expect(page.getByRole('heading', { name: 'No activity matches' })).toBeVisible()
  await pick('From date', 'ArrowLeft')
  await expect.poll(from).toBe(startOfDay(new Date()).toISOString())
  await pick('To date')
  await expect(page).toHaveURL(/[?&]to=/)
  await expect(page.getByRole('row').nth(1)).toContainText('target.defect')

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Target server' })).toHaveValue(last.toLowerCase())
  await expect(page.getByRole('combobox', { name: 'Result' })).toHaveText('Failure')
  // both ends read today, written as the entry's own date is
  await expect(dateFilter(page, 'From date')).not.toHaveText('From')
  const today = (await dateFilter(page, 'From date').textContent()) ?? ''
  await expect(dateFilter(page, 'To date')).toHaveText(today)
  await expect(page.getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('row').nth(1)).toContainText(today)

  await page.getByRole('button', { name: 'Reset' }).click()
  await expect(page).not.toHaveURL(/[?&](target|result|from|to)=/)
})

test('exports every entry the filters select as CSV, not only the page shown', async ({ page, msx, unique }) => {
  const site = unique('SITE')
  const [first, second] = [unique('CSVA'), unique('CSVB')]
  for (const name of [first, second]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })
  await recordRefusal({ ...msx, actor: { name: '=HYPERLINK("http://evil")', address: '127.0.0.1' } }, second, {
    reason: `not in ${site}, said "no"`,
  })

  // one entry a page, the second page: the export still holds all three
  await page.goto(`/activity?search=${site}&pageSize=1&page=2`)
  await expect(page.getByRole('row')).toHaveCount(2)
  const link = page.getByRole('link', { name: 'Export CSV' })
  await expect(link).toHaveAttribute('href', `/api/activity/export?search=${site}`)

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toMatch(/^msx-activity-\d{8}-\d{4}\.csv$/)
  const csv = fs.readFileSync(await download.path(), 'utf8')
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0]).toBe('When,User,Action,Object type,Object,Details,Address,Result')
  expect(lines).toHaveLength(5) // the header, three entries, and the end of the last line
  expect(lines[4]).toBe('')
  // newest first; a cell a spreadsheet would run as a formula starts with an apostrophe; quotes are doubled
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/)
  expect(lines[1]).toContain(
    `,"'=HYPERLINK(""http://evil"")",target.defect,target,${second},"{""reason"":""not in ${site}, said \\""no\\""""}",127.0.0.1,failure`,
  )
  expect(lines[2]).toContain(`,e2e-setup,target.enlist,target,${second},`)
  expect(lines[3]).toContain(`,e2e-setup,target.enlist,target,${first},`)
  expect(lines[3]).toMatch(/,127\.0\.0\.1,success$/)
})

test('the export refuses a bad filter, saying which', async ({ page }) => {
  const response = await page.request.get('/api/activity/export?result=maybe&from=2026-02-01T00:00:00Z')
  expect(response.status()).toBe(400)
  expect(((await response.json()) as { error: string }).error).toBe(
    'Invalid query parameter "result": result is success or failure.',
  )
  const range = await page.request.get('/api/activity/export?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')
  expect(((await range.json()) as { error: string }).error).toContain('"to": to must not be before from')
})

test('Activity fits 1280 pixels, long details and all, and its columns can be chosen as on Target Server Status', async ({
  page,
  msx,
  unique,
}) => {
  const name = unique('WIDE')
  // the longest location there is: its enlistment's details are the widest an entry gets
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: `Building 7, ${'row C '.repeat(30)}`.trim() })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/activity?search=${name}`)
  const table = page.getByRole('table', { name: 'Activity' })
  const header = (text: string) => table.getByRole('columnheader', { name: text, exact: true })
  await expect(entryFor(page, name)).toContainText('target.enlist')

  await test.step('every column shows without sideways scrolling', async () => {
    for (const column of ['When', 'Who', 'Action', 'Object', 'Details', 'From', 'Result'])
      await expect(header(column)).toBeInViewport()
    expect(await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0))).toBe(true)
  })

  await test.step('Details hidden from Columns, and kept across a reload', async () => {
    const columns = page.getByRole('button', { name: /^Columns/ })
    await columns.click()
    await page.getByRole('menu').getByRole('menuitemcheckbox', { name: 'Details' }).click()
    await page.keyboard.press('Escape')
    await expect(header('Details')).toHaveCount(0)
    await expect(columns).toHaveText('Columns (1 hidden)')
    await page.reload()
    await expect(entryFor(page, name)).toContainText('target.enlist')
    await expect(header('Details')).toHaveCount(0)
  })
})
