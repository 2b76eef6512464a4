import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Picks an option of one of the toolbar's lists. Retried, as a click before the page is interactive opens nothing;
 * but the box is clicked only while its list is closed: an open list hides the rest of the page, the box included,
 * from the accessibility tree, so looking for the box again would wait for ever.
 */
export async function choose(page: Page, list: string, option: string) {
  const choice = page.getByRole('option', { name: option, exact: true })
  await expect(async () => {
    if (!(await choice.isVisible())) await page.getByRole('combobox', { name: list }).click({ timeout: 5000 })
    await choice.click({ timeout: 5000 })
  }).toPass({ timeout: 20_000 })
}
