import type { Page } from '@playwright/test'
import { MASTER_VERSION } from '../lib/msx/master'
import { enlistTarget } from '../lib/msx/targets'
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
