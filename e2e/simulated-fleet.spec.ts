// A fleet of 1,000 virtual targets (msx-agent simulate, each with its own certificate, long-polling over TLS)
// paged through on Target Server Status: the pagination controls, the page size, the total, and the search.
import type { Page } from '@playwright/test'
import { expect, test } from './agents/fixture'
import { stopProcess } from './agents/msx-agent'
import { targetRow, targetsTable } from './target-rows'

const COUNT = 1000

const pages = (page: Page) => page.getByRole('navigation', { name: 'target servers pages' })

test('1,000 simulated targets are paged, resized and searched on the server', async ({ page, agents, msx, unique }) => {
  // 1,000 enlistments take the master about 40 s on an idle 2-core machine, and twice that when it is busy
  test.setTimeout(180_000)
  const prefix = unique('FLEET')
  const names = Array.from({ length: COUNT }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`)
  const fleet = await agents.simulate(COUNT, prefix)
  try {
    await fleet.waitFor(new RegExp(`enlisted ${COUNT}/${COUNT}`), 140_000)

    await test.step('all targets: the total counts the 1,000 and whatever else the master has', async () => {
      await page.goto('/targets')
      await expect(pages(page)).toContainText(/of [\d,]+ target servers/)
      const total = Number(
        ((await pages(page).textContent()) ?? '').match(/of ([\d,]+) target servers/)?.[1]?.replace(/,/g, ''),
      )
      expect(total).toBeGreaterThanOrEqual(COUNT)
    })

    await test.step('searching the prefix: 1,000, paged 50 at a time', async () => {
      await page.getByRole('searchbox', { name: 'Search target servers' }).fill(prefix)
      await expect(pages(page)).toContainText('1–50 of 1,000 target servers')
      await expect(pages(page)).toContainText('Page 1 of 20')
      await expect(targetRow(page, names[0] ?? '')).toBeVisible()
    })

    await test.step('Next page, then Last page', async () => {
      await pages(page).getByRole('button', { name: 'Next page' }).click()
      await expect(pages(page)).toContainText('51–100 of 1,000 target servers')
      await expect(targetRow(page, names[50] ?? '')).toBeVisible()
      await pages(page).getByRole('button', { name: 'Last page' }).click()
      await expect(pages(page)).toContainText('Page 20 of 20')
      await expect(targetRow(page, names[COUNT - 1] ?? '')).toBeVisible()
      await expect(pages(page).getByRole('button', { name: 'Next page' })).toBeDisabled()
    })

    await test.step('200 rows per page: back to the first of 5 pages', async () => {
      await pages(page).getByRole('combobox', { name: 'Rows per page' }).click()
      await page.getByRole('option', { name: '200', exact: true }).click()
      await expect(pages(page)).toContainText('1–200 of 1,000 target servers')
      await expect(pages(page)).toContainText('Page 1 of 5')
      await expect(targetsTable(page).getByRole('rowheader')).toHaveCount(200)
    })

    await test.step('a narrower search: the ten names that contain -099', async () => {
      await page.getByRole('searchbox', { name: 'Search target servers' }).fill(`${prefix}-099`)
      await expect(pages(page)).toContainText('1–10 of 10 target servers')
      await expect(targetsTable(page).getByRole('rowheader')).toHaveText(names.slice(989, 999))
    })
  } finally {
    await stopProcess(fleet)
    // the virtual targets leave the shared master in one statement: defecting 1,000 one by one would hold its
    // database's write lock long enough for other tests' writes to time out
    await msx.db.targetServer.deleteMany({ where: { nameKey: { startsWith: prefix } } })
  }
})
