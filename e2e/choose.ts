import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Picks an option of one of the toolbar's lists; retried, as a click before the page is interactive opens nothing. */
export async function choose(page: Page, list: string, option: string) {
  await expect(async () => {
    await page.getByRole('combobox', { name: list }).click()
    await page.getByRole('option', { name: option, exact: true }).click({ timeout: 1000 })
  }).toPass()
}
