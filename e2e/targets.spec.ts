import type { Page } from '@playwright/test'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { choose } from './choose'
import { fillUntilUrl } from './fill-until'
import { expect, test } from './fixtures'
import { cellOf, targetRow, targetsTable } from './target-rows'
import { expectTooltip } from './tooltip'

function search(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: 'Search target servers' })
  return fillUntilUrl(page, box, text, new RegExp(`[?&]search=${encodeURIComponent(text)}`))
}

test('lists enlisted target servers with their location and status', async ({ page, msx, unique }) => {
  const name = unique('TSX')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: 'Lyon DC-1 rack 7' })

  await page.goto(`/targets?search=${name}`)
  await expect(page.getByRole('heading', { name: 'Manage Target Servers' })).toBeVisible()
  const row = targetRow(page, name)
  await expect(row).toContainText('Lyon DC-1 rack 7')
  // enlisted on the master, but its agent has not polled yet
  const status = row.getByRole('button', { name: 'Pending enlistment' })
  await expect(status).toBeVisible()

  await expectTooltip(page, status, 'waiting for its first poll')
})

test('search narrows the list, is kept in the URL and survives a reload', async ({ page, msx, unique }) => {
  const site = unique('SITE')
  const alpha = unique('ALPHA')
  const bravo = unique('BRAVO')
  for (const name of [alpha, bravo]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })

  await page.goto('/targets')
  await search(page, site)
  await expect(targetRow(page, alpha)).toBeVisible()
  await expect(targetRow(page, bravo)).toBeVisible()

  await search(page, alpha)
  await expect(targetRow(page, bravo)).toHaveCount(0)
  await expect(targetRow(page, alpha)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search target servers' })).toHaveValue(alpha)
  await expect(targetRow(page, alpha)).toBeVisible()
  await expect(targetRow(page, bravo)).toHaveCount(0)
})

test('the status filter finds a target that is suspected offline', async ({ page, msx, unique }) => {
  const site = unique('FLEET')
  const online = unique('ONLINE')
  const silent = unique('SILENT')
  await enlistTarget(msx, { name: online, agentVersion: MASTER_VERSION, location: site })
  const target = await enlistTarget(msx, { name: silent, agentVersion: MASTER_VERSION, location: site })
  await msx.db.targetServer.update({
    where: { id: target.id },
    data: { suspectOfflineAt: new Date(Date.now() - 60_000) },
  })

  await page.goto(`/targets?search=${site}`)
  await expect(targetRow(page, online)).toBeVisible()
  await choose(page, 'Status', 'Suspected offline')

  await expect(page).toHaveURL(/[?&]status=Suspected\+offline/)
  await expect(targetRow(page, online)).toHaveCount(0)
  await expect(targetRow(page, silent).getByRole('button', { name: 'Suspected offline' })).toBeVisible()
})

test('pages through a long list on the server', async ({ page, msx, unique }) => {
  const prefix = unique('PAGE')
  const names = Array.from({ length: 60 }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`)
  for (const name of names) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })

  await page.goto(`/targets?search=${prefix}`)
  const pages = page.getByRole('navigation', { name: 'target servers pages' })
  await expect(pages).toContainText('1–50 of 60')
  await expect(targetRow(page, names[0])).toBeVisible()
  await expect(targetRow(page, names[50])).toHaveCount(0)

  await pages.getByRole('button', { name: 'Next page' }).click()
  await expect(page).toHaveURL(/[?&]page=2/)
  await expect(pages).toContainText('51–60 of 60')
  await expect(targetRow(page, names[50])).toBeVisible()
  await expect(targetRow(page, names[59])).toBeVisible()
  await expect(targetRow(page, names[0])).toHaveCount(0)

  await test.step('sorting goes back to the first page, last name first', async () => {
    await page.getByRole('button', { name: 'Target server', exact: true }).click()
    await expect(page).toHaveURL(/[?&]dir=desc/)
    await expect(page).not.toHaveURL(/[?&]page=/)
    await expect(targetsTable(page).getByRole('rowheader').first()).toHaveText(names[59])
  })
})

test('says so when no target server matches, and clears the filters', async ({ page, msx, unique }) => {
  const name = unique('LONE')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  const nothing = unique('NOMATCH')

  await page.goto(`/targets?search=${nothing}`)
  await expect(page.getByRole('heading', { name: 'No target servers match' })).toBeVisible()
  await expect(page.getByText(nothing)).toBeVisible()

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).not.toHaveURL(/search=/)
  await expect(page.getByRole('searchbox', { name: 'Search target servers' })).toHaveValue('')
  await expect(targetsTable(page)).toBeVisible()
})

test('Columns: the list fits 1280 pixels; a column shown or hidden stays so in this browser until the default is restored', async ({
  page,
  msx,
  unique,
}) => {
  const name = unique('COLS')
  const group = unique('cols')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: 'Nantes' })
  await createGroup(msx, group)
  await addGroupMembers(msx, group, [name])
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/targets?search=${name}`)
  const row = targetRow(page, name)
  const header = (text: string) => targetsTable(page).getByRole('columnheader', { name: text })
  const columns = page.getByRole('button', { name: /^Columns/ })
  const menu = page.getByRole('menu')
  const item = (text: string) => menu.getByRole('menuitemcheckbox', { name: text })

  await test.step('by default: no sideways scrolling, with Agent version and Groups hidden', async () => {
    await expect(row).toContainText('Nantes')
    await expect(columns).toHaveText('Columns (2 hidden)')
    await expect(header('Clock skew')).toBeVisible()
    await expect(header('Agent version')).toHaveCount(0)
    await expect(row).not.toContainText(group)
    const fits = await targetsTable(page).evaluate(
      (table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0),
    )
    expect(fits).toBe(true)
  })

  await test.step('Agent version and Groups shown, Clock skew hidden, from the menu that stays open', async () => {
    await columns.click()
    await expect(item('Agent version')).toHaveAttribute('aria-checked', 'false')
    await item('Agent version').click()
    await item('Groups').click()
    await item('Clock skew').click()
    await expect(item('Clock skew')).toHaveAttribute('aria-checked', 'false')
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(await cellOf(page, row, 'Agent version')).toHaveText(MASTER_VERSION)
    await expect(await cellOf(page, row, 'Groups')).toHaveText(group)
    await expect(header('Clock skew')).toHaveCount(0)
    await expect(columns).toHaveText('Columns (1 hidden)')
  })

  await test.step('kept across a reload: the server renders them, with no default columns first', async () => {
    await page.reload()
    await expect(await cellOf(page, row, 'Agent version')).toHaveText(MASTER_VERSION)
    await expect(header('Clock skew')).toHaveCount(0)
  })

  await test.step('Restore the default columns', async () => {
    await columns.click()
    await menu.getByRole('menuitem', { name: 'Restore the default columns' }).click()
    await expect(header('Agent version')).toHaveCount(0)
    await expect(header('Groups')).toHaveCount(0)
    await expect(header('Clock skew')).toBeVisible()
    await columns.click()
    await expect(menu.getByRole('menuitem', { name: 'Restore the default columns' })).toBeDisabled()
  })

  await test.step('a cookie it cannot read gives the default columns', async () => {
    await page.context().addCookies([{ name: 'msx-columns-targets', value: '%5B%22..%2F%22%5D', url: page.url() }])
    await page.reload()
    await expect(columns).toHaveText('Columns (2 hidden)')
    await expect(header('Clock skew')).toBeVisible()
  })
})

test('the JSON read refuses a bad query and says what it accepts', async ({ page }) => {
  const response = await page.request.get('/api/targets?status=Asleep')
  expect(response.status()).toBe(400)
  const body = (await response.json()) as { error: string }
  expect(body.error).toContain('status')
  expect(body.error).toContain('Suspected offline')
})
