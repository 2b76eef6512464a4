// The Download Instructions tab of Manage Target Servers: filters kept in the URL, an error shown and cleared,
// instructions deleted, the targets that leave theirs waiting, and what a Viewer may not do.
import type { Page } from '@playwright/test'
import { pendingInstructions } from '../lib/msx/download-list'
import { acknowledgeInstructions } from '../lib/msx/instructions'
import { postOperation } from '../lib/msx/post-operation'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { choose } from './choose'
import { E2E_GATEWAY_PORT } from './env'
import { expect, test } from './fixtures'
import { expectTooltip } from './tooltip'

const DAY = 24 * 60 * 60 * 1000

function instructionRows(page: Page) {
  // the rows of instructions, not the header: each is named by its target server
  return page
    .getByRole('table', { name: 'Download instructions' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') })
}

test('filters by target and status error, shows the error, and Clear makes it pending again', async ({
  page,
  msx,
  unique,
}) => {
  const name = unique('BLUE')
  const target = await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
  await postOperation(msx, { operation: 'SET-POLL', value: 30, recipients: { targets: [name] } })
  const [first] = (await pendingInstructions(msx.db, target.id)).instructions
  await acknowledgeInstructions(msx.db, target.id, [{ id: first?.id ?? 0, ok: false, error: 'Proxy not found.' }])

  await page.goto('/targets/instructions')
  await expect(page.getByRole('link', { name: 'Download Instructions' })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('searchbox', { name: 'Target server' }).fill(name)
  await expect(page).toHaveURL(new RegExp(`[?&]target=${name}`))
  await expect(instructionRows(page)).toHaveCount(2)

  await choose(page, 'Status', 'Error')
  await expect(page).toHaveURL(/[?&]status=error/)
  const failed = instructionRows(page)
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('SYNC-TIME')
  await expect(failed.getByText('Proxy not found.')).toBeVisible()
  // its id, as msx clear-error and msx delete-instruction take it
  await expect(failed.getByRole('cell', { name: String(first?.id), exact: true })).toBeVisible()
  await expect(failed).toContainText('Error')

  await failed.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Clear', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: `Cleared 1 error: ${name} downloads again.` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No instructions match' })).toBeVisible()

  await choose(page, 'Status', 'Pending')
  await expect(page).toHaveURL(/[?&]status=pending/)
  const again = instructionRows(page).filter({ hasText: 'SYNC-TIME' })
  await expect(again).toContainText('Pending')
  await expect(again).toContainText('Not yet')
  expect((await pendingInstructions(msx.db, target.id)).blockedBy).toBeNull()
})

test('filters by operation, kept in the URL, and deletes two instructions', async ({ page, msx, unique }) => {
  const name = unique('RED')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  for (let i = 0; i < 2; i++) await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
  await postOperation(msx, { operation: 'SET-POLL', value: 45, recipients: { targets: [name] } })

  await page.goto(`/targets/instructions?target=${name}`)
  await expect(instructionRows(page)).toHaveCount(3)
  await choose(page, 'Operation', 'SYNC-TIME')
  await expect(page).toHaveURL(/[?&]operation=SYNC-TIME/)
  await expect(page).toHaveURL(new RegExp(`[?&]target=${name}`))
  await expect(instructionRows(page)).toHaveCount(2)

  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveText('SYNC-TIME')
  await expect(page.getByRole('searchbox', { name: 'Target server' })).toHaveValue(name)
  await expect(instructionRows(page)).toHaveCount(2)

  await page.getByRole('checkbox', { name: 'Select all instructions on this page' }).check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toContainText('Delete 2 instructions?')
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Deleted 2 instructions of ${name}.` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No instructions match' })).toBeVisible()
  expect(await msx.db.downloadInstruction.count({ where: { targetName: name } })).toBe(1)
})

test('names a target that leaves its instructions waiting, and what usually causes it', async ({
  page,
  msx,
  unique,
}) => {
  const name = unique('LATE')
  const target = await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
  // longer ago than any other test's instructions, so it comes first
  await msx.db.downloadInstruction.updateMany({
    where: { targetId: target.id },
    data: { datePosted: new Date(Date.now() - 400 * DAY) },
  })

  await page.goto('/targets/instructions')
  const notice = page.getByRole('region', { name: /not downloaded (its|their) instructions/ })
  await expect(notice.getByRole('listitem').filter({ hasText: name })).toContainText('1 instruction waiting for')
  await expect(notice).toContainText(`port ${E2E_GATEWAY_PORT}`)
  await expect(notice).toContainText('msx-agent status')
  await expect(notice).toContainText('revoked certificate')

  await notice.getByRole('link', { name, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]target=${name}`))
  await expect(page).toHaveURL(/[?&]status=pending/)
  await expect(instructionRows(page)).toHaveCount(1)
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('sees Delete and Clear disabled, with the reason', async ({ page, msx, unique }) => {
    const name = unique('VIEW')
    await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
    await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })

    await page.goto(`/targets/instructions?target=${name}`)
    await instructionRows(page).first().getByRole('checkbox').check()
    for (const label of ['Delete', 'Clear']) {
      const button = page.getByRole('button', { name: new RegExp(`^${label} ?:`) })
      await expect(button).toHaveAttribute('aria-disabled', 'true')
      await expectTooltip(page, button, 'Viewers may not delete download instructions or clear their errors')
    }
    await page.getByRole('button', { name: /^Delete ?:/ }).click({ force: true })
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
})
