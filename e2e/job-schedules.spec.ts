// Pause schedules until and Resume schedules on the Jobs list: the time chosen from the calendar, refused while it
// has passed, the plan, what was posted, and the pause shown in Next run and on the job's General tab.
import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { addDays, format } from 'date-fns'
import type { MsxContext } from '../lib/msx/context'
import { createJob } from '../lib/msx/jobs'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { openCalendar } from './date-picker'
import { expect, test } from './fixtures'

async function seed(msx: MsxContext, unique: (prefix: string) => string) {
  const prefix = unique('PAUSE')
  const targets = [`${prefix}-T1`, `${prefix}-T2`]
  for (const name of targets)
    await enlistTarget(msx, {
      name,
      agentVersion: MASTER_VERSION,
      certFingerprint: `sha256:${createHash('sha256').update(name).digest('hex')}`,
    })
  const job = `${prefix}-nightly`
  await createJob(msx, {
    name: job,
    steps: [
      { name: 'vacuum', kind: 'cmdexec', command: 'echo vacuumed' },
      { name: 'report', kind: 'cmdexec', command: 'echo reported' },
    ],
    schedules: [{ name: 'hourly', cron: '0 * * * *' }],
    targets: { servers: targets, groups: [] },
  })
  return { prefix, targets, job }
}

const jobRow = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Jobs' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) })

test('Pause schedules until a time asks first with the plan, shows the pause, and Resume schedules ends it', async ({
  page,
  msx,
  unique,
}) => {
  test.slow()
  const data = await seed(msx, unique)
  await page.goto(`/jobs?search=${data.prefix}`)
  const dialog = page.getByRole('alertdialog')
  const confirm = dialog.getByRole('button', { name: 'Pause schedules', exact: true })

  await test.step('a time that has passed is refused before anything is posted', async () => {
    await page.getByRole('checkbox', { name: `Select ${data.job}` }).check()
    await page.getByRole('button', { name: 'Pause schedules', exact: true }).click()
    await expect(dialog.getByRole('heading', { name: `Pause the schedules of ${data.job}?` })).toBeVisible()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      `${data.job}: UPDATE to 2 target servers`,
    )
    await expect(dialog.getByText('Choose the day the schedules are paused until.')).toBeVisible()
    await expect(confirm).toBeDisabled()
    const calendar = await openCalendar(page, 'Paused until')
    await calendar.getByRole('button', { name: 'Today' }).click()
    await dialog.getByLabel('Time').fill('00:00')
    await expect(dialog.getByText('That time has passed: choose a later day or time.')).toBeVisible()
    await expect(confirm).toBeDisabled()
  })

  await test.step('tomorrow at 06:00: UPDATE to both targets, and Next run says so', async () => {
    // the calendar opens on the chosen day: the next one, from the keyboard
    const calendar = await openCalendar(page, 'Paused until')
    await expect(calendar.locator('button:focus')).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await dialog.getByLabel('Time').fill('06:00')
    await expect(dialog.getByText('Manual starts still run while the schedules are paused.')).toBeVisible()
    await confirm.click()
    const tomorrow = format(addDays(new Date(), 1), 'yyyy-MM-dd')
    await expect(page.getByRole('status').filter({ hasText: 'Paused the schedules' })).toHaveText(
      `Paused the schedules of ${data.job} until ${tomorrow} 06:00. Posted UPDATE to 2 target servers.`,
    )
    await expect(jobRow(page, data.job)).toContainText('Paused until')
    const job = await msx.db.job.findFirstOrThrow({ where: { name: data.job } })
    expect(job.pausedUntil?.getTime()).toBe(new Date(`${tomorrow}T06:00:00`).getTime())
  })

  await test.step('the job’s General tab shows the pause; Resume schedules there ends it', async () => {
    await page.getByRole('link', { name: data.job }).click()
    await expect(page.getByRole('heading', { name: data.job, level: 1 })).toBeVisible()
    await expect(page.getByText(/^Until /)).toBeVisible()
    await page.getByRole('button', { name: 'Resume schedules', exact: true }).click()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      `${data.job}: UPDATE to 2 target servers`,
    )
    await dialog.getByRole('button', { name: 'Resume schedules', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Resumed' })).toHaveText(
      `Resumed the schedules of ${data.job}. Posted UPDATE to 2 target servers.`,
    )
    await expect(page.getByRole('button', { name: 'Resume schedules', exact: true })).toBeHidden()
    await page.goto(`/jobs?search=${data.prefix}`)
    await expect(jobRow(page, data.job)).not.toContainText('Paused until')
  })
})
