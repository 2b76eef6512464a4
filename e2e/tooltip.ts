import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Focuses `trigger` and expects its tooltip to say `text`. Retried: a focus that lands before the page is
 * interactive opens nothing, and focusing an element that already has focus does not open it either.
 */
export async function expectTooltip(page: Page, trigger: Locator, text: string) {
  await expect(async () => {
    await trigger.blur()
    await trigger.focus()
    await expect(page.getByRole('tooltip')).toContainText(text, { timeout: 1000 })
  }).toPass()
}
