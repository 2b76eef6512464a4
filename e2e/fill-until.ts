// Text typed before the page is interactive is lost at hydration, and nothing on the page says when that has
// happened: a search is typed again until the URL shows it.
import { expect, type Locator, type Page } from '@playwright/test'

export async function fillUntilUrl(page: Page, box: Locator, text: string, url: RegExp) {
  await expect(async () => {
    await box.fill(text)
    await expect(page).toHaveURL(url, { timeout: 5_000 })
  }).toPass({ timeout: 20_000 })
}
