// The Target Server Status toolbar as an administrator uses it: choosing targets (some, or all that match across
// pages), posting instructions, forcing polls, re-synchronizing, and the auto refresh each user keeps.

import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'
import { cellOf, targetRow } from './target-rows'

test('Post Instructions sets the polling interval of the two chosen targets only', async ({ page, msx, unique }) => {
  const site = unique('SITE')
  const [one, two, three] = [unique('POLL'), unique('POLL'), unique('POLL')]
  for (const name of [one, two, three]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })
  const setPolls = () =>
    msx.db.downloadInstruction.findMany({
      where: { targetName: { in: [one, two, three] }, operation: 'SET-POLL' },
      orderBy: { targetName: 'asc' },
    })

  await page.goto(`/targets?search=${site}`)
  await targetRow(page, one).getByRole('checkbox').check()
  await targetRow(page, two).getByRole('checkbox').check()
  await expect(page.getByText('2 target servers selected')).toBeVisible()
  await page.getByRole('button', { name: 'Post Instructions...' }).click()
  const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
  await dialog.getByRole('radio', { name: /Set polling interval/ }).check()
  await expect(dialog.getByRole('radio', { name: 'Selected target servers (2)' })).toBeChecked()
  await expect(dialog.getByRole('table', { name: 'Chosen target servers' }).getByRole('row')).toHaveCount(3)
  await expect(dialog.getByText('It will reach 2 target servers.')).toBeVisible()

  await test.step('an interval of 5 seconds is refused with the range, and nothing is posted', async () => {
    await dialog.getByLabel('Polling interval (seconds)').fill('5')
    await dialog.getByRole('button', { name: 'Post' }).click()
    await expect(dialog.getByText('Enter a whole number of seconds from 10 to 28,800.')).toBeVisible()
    await expect(dialog.getByLabel('Polling interval (seconds)')).toHaveAttribute('aria-invalid', 'true')
    expect(await setPolls()).toEqual([])
  })

  await test.step('120 seconds is posted to those two', async () => {
    await dialog.getByLabel('Polling interval (seconds)').fill('120')
    await dialog.getByRole('button', { name: 'Post' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Posted SET-POLL to 2 target servers.' })).toBeVisible()
    await expect(dialog).toBeHidden()
    const posted = await setPolls()
    expect(posted.map((row) => [row.targetName, row.value])).toEqual(
      [
        [one, '120'],
        [two, '120'],
      ].sort(),
    )
    await expect(await cellOf(page, targetRow(page, one), 'Unread instructions')).toHaveText('1')
    await expect(await cellOf(page, targetRow(page, three), 'Unread instructions')).toHaveText('0')
  })
})

test('all that match a search, across two pages, are force-polled', async ({ page, msx, unique }) => {
  const site = unique('MANY')
  for (const n of [1, 2, 3])
    await enlistTarget(msx, { name: unique(`M${n}`), agentVersion: MASTER_VERSION, location: site })

  await page.goto(`/targets?search=${site}&pageSize=2`)
  await page.getByRole('checkbox', { name: 'Select all target servers on this page' }).check()
  await expect(page.getByText('All 2 target servers on this page are selected.')).toBeVisible()
  await page.getByRole('button', { name: 'Select all 3 target servers that match' }).click()
  await expect(page.getByText('All 3 target servers that match are selected.')).toBeVisible()
  await expect(page.getByText('3 target servers selected')).toBeVisible()
  await page.getByRole('button', { name: 'Force Poll' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Asked 3 target servers to poll now.' })).toBeVisible()
})

test('Re-synchronize reports what it deleted and posted', async ({ page, msx, unique }) => {
  const name = unique('RESYNC')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })

  await page.goto(`/targets?search=${name}`)
  await targetRow(page, name).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Re-synchronize' }).click()
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Re-synchronized 1 target server: deleted 0 pending instructions, posted DELETE of all jobs and INSERT of 0 jobs.',
    }),
  ).toBeVisible()
  await expect(targetRow(page, name).getByRole('button', { name: 'Re-sync pending' })).toBeVisible()
})

test('Defect asks first, naming the targets and saying what happens; Cancel posts nothing', async ({
  page,
  msx,
  unique,
}) => {
  const site = unique('SITE')
  const [one, two] = [unique('LEAVE'), unique('LEAVE')]
  for (const name of [one, two]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: site })
  const defects = () =>
    msx.db.downloadInstruction.count({ where: { targetName: { in: [one, two] }, operation: 'DEFECT' } })

  await page.goto(`/targets?search=${site}`)
  await targetRow(page, one).getByRole('checkbox').check()
  await targetRow(page, two).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Defect', exact: true }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Defect 2 target servers?' })
  await expect(confirm).toContainText(`DEFECT is posted to ${one} and ${two}.`)
  await expect(confirm).toContainText('each agent deletes the jobs it downloaded from this master and stops')
  await expect(confirm).toContainText('the target leaves this list once it has done so')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect(await defects()).toBe(0)

  await page.getByRole('button', { name: 'Defect', exact: true }).click()
  await confirm.getByRole('button', { name: 'Defect', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Posted DEFECT to 2 target servers.' })).toBeVisible()
  expect(await defects()).toBe(2)
  await expect(targetRow(page, one).getByRole('button', { name: 'Defecting' })).toBeVisible()
})

test('auto refresh turned off stays off for this user after a reload', async ({ page, msx, unique, user }) => {
  await enlistTarget(msx, { name: unique('LIVE'), agentVersion: MASTER_VERSION })
  await page.goto('/targets')
  const auto = page.getByRole('checkbox', { name: 'Enable auto refresh' })
  await expect(auto).toBeChecked()
  await expect(page.getByText(/refreshes every 10 s/i)).toBeVisible()
  await auto.uncheck()
  await expect(page.getByText(/Auto refresh off/)).toBeVisible()
  await expect
    .poll(
      async () => (await msx.db.user.findUniqueOrThrow({ where: { nameKey: user.name.toUpperCase() } })).autoRefresh,
    )
    .toBe(false)

  await page.reload()
  await expect(page.getByRole('checkbox', { name: 'Enable auto refresh' })).not.toBeChecked()
  await expect(page.getByText(/Auto refresh off/)).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Refresh every' })).toBeDisabled()
})

test.describe('an Operator', () => {
  test.use({ role: 'operator' })

  test('may post Set polling interval but not Defect: the type is disabled and says why', async ({
    page,
    msx,
    unique,
  }) => {
    const name = unique('OPS')
    await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
    await page.goto(`/targets?search=${name}`)
    await targetRow(page, name).getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Post Instructions...' }).click()
    const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
    const defect = dialog.getByRole('radio', { name: /^Defect/ })
    await expect(defect).toBeDisabled()
    await expect(defect).toHaveAccessibleDescription(/Operators may not defect target servers/)
    await expect(dialog.getByRole('radio', { name: /Set polling interval/ })).toBeChecked()
    await dialog.getByRole('radio', { name: /Synchronize clocks/ }).check()
    await dialog.getByRole('button', { name: 'Post' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Posted SYNC-TIME to 1 target server.' })).toBeVisible()
  })
})
