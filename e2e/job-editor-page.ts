import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** A tab of the job editor, whether or not it is marked as having errors. */
export const editorTab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) })

/** Types a step's command into its code editor, as a person does. */
export async function typeCommand(page: Page, step: number, text: string) {
  const editor = page.getByRole('textbox', { name: `Command of step ${step}` })
  await editor.click()
  await page.keyboard.type(text)
  await expect(editor).toHaveText(text)
}

/** Replaces a step's command. */
export async function replaceCommand(page: Page, step: number, text: string) {
  const editor = page.getByRole('textbox', { name: `Command of step ${step}` })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text)
  await expect(editor).toHaveText(text)
}
