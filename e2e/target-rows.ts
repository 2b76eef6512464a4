// The Target Server Status table read as an administrator reads it: a row by its target's name, a cell by its
// column's header. Only that table: not the Post Instructions dialog's "Chosen target servers".
import type { Locator, Page } from '@playwright/test'

export function targetsTable(page: Page) {
  return page.getByRole('table', { name: 'Target servers', exact: true })
}

export function targetRow(page: Page, name: string) {
  return targetsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

/** The cell of `row` under the column headed `header` (the name is a row header, the others cells). */
export async function cellOf(page: Page, row: Locator, header: string): Promise<Locator> {
  const headers = await targetsTable(page).getByRole('columnheader').allInnerTexts()
  const index = headers.findIndex((text) => text.trim().startsWith(header))
  if (index < 0) throw new Error(`The targets table has no column "${header}"; it has: ${headers.join(' | ')}`)
  return row.getByRole('cell').or(row.getByRole('rowheader')).nth(index)
}
