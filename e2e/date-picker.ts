import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** A date filter's button: named by its label, then the day it is set to. */
export const dateFilter = (page: Page, label: string) =>
  page.getByRole('button', { name: new RegExp(`^${label}( |$)`) })

/**
 * Opens a date filter's calendar. Retried, as a click before the page is interactive opens nothing; the button is
 * clicked only while the calendar is closed, since a second click would close it again.
 */
export async function openCalendar(page: Page, label: string) {
  const calendar = page.getByRole('dialog', { name: `${label}: choose a day` })
  await expect(async () => {
    if (!(await calendar.isVisible())) await dateFilter(page, label).click({ timeout: 5000 })
    await expect(calendar).toBeVisible({ timeout: 2000 })
  }).toPass({ timeout: 20_000 })
  return calendar
}
