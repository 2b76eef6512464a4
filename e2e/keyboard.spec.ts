// Manage Target Servers with the keyboard only: Tab reaches the row checkboxes and every toolbar action, the
// Post Instructions dialog and the Force Defection confirmation open with Enter, close with Escape and give the
// focus back to their button.
import type { Locator, Page } from '@playwright/test'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'
import { targetRow } from './target-rows'

// a hundred or so key presses, each a round trip to the browser and a look at the focus, on a page that refreshes as
// the other tests' changes reach it: in a CI run one test took over 60 s, every press passing
test.describe.configure({ timeout: 120_000 })

/** Presses Tab (Shift+Tab going back) until `target` has the focus; fails after `presses` presses. */
async function tabTo(page: Page, target: Locator, { back = false, presses = 80 } = {}) {
  for (let i = 0; i < presses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${presses} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${target}`)
}

test('Tab reaches the row checkboxes, the toolbar actions and the Post Instructions dialog', async ({
  page,
  msx,
  unique,
}) => {
  const site = unique('KEYS')
  const [one, two] = [unique('KEY'), unique('KEY')]
  for (const name of [one, two]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })
  await page.goto(`/targets?search=${site}`)
  await expect(targetRow(page, one)).toBeVisible()
  // hydrated: the change stream is open (networkidle never comes while it is)
  await expect(page.getByText(/^Live · /)).toBeVisible()

  await test.step('Space on a row checkbox selects the row', async () => {
    await tabTo(page, targetRow(page, one).getByRole('checkbox'))
    await page.keyboard.press('Space')
    await expect(targetRow(page, one).getByRole('checkbox')).toBeChecked()
    await page.keyboard.press('Tab')
    await tabTo(page, targetRow(page, two).getByRole('checkbox'))
    await page.keyboard.press('Space')
    await expect(page.getByText('2 target servers selected')).toBeVisible()
  })

  await test.step('every toolbar action is reached going back', async () => {
    for (const name of ['Defect', 'Re-synchronize', 'Post Instructions...', 'Force Defection', 'Force Poll'])
      await tabTo(page, page.getByRole('button', { name, exact: true }), { back: true })
  })

  await test.step('Enter opens Post Instructions; Escape closes it and the focus is back on its button', async () => {
    const open = page.getByRole('button', { name: 'Post Instructions...' })
    await tabTo(page, open)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: 'Selected target servers (2)' })).toBeChecked()
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(open).toBeFocused()
  })

  await test.step('Escape cancels the Force Defection confirmation; the focus is back on its button', async () => {
    const forceDefect = page.getByRole('button', { name: 'Force Defection', exact: true })
    await tabTo(page, forceDefect, { back: true })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alertdialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toBeHidden()
    await expect(forceDefect).toBeFocused()
  })

  await test.step('Force Poll with Enter', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Force Poll' }), { back: true })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: 'Asked 2 target servers to poll now.' })).toBeVisible()
  })
})
