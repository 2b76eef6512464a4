// The job editor: a new job written from the dashboard (steps with their flow, a schedule from the builder,
// targets found on the server, notifications), the plan before the save, and editing an existing job with the
// leave-unsaved question and the refusal of an edit made stale by someone else's save.
import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { MsxContext } from '../lib/msx/context'
import { createJob, updateJob } from '../lib/msx/jobs'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'
import { editorTab, typeCommand } from './job-editor-page'

// long flows through every page of the editor, on a machine that may be busy
test.describe.configure({ timeout: 90_000 })

async function seedTargets(msx: MsxContext, prefix: string) {
  const targets = [`${prefix}-T1`, `${prefix}-T2`]
  for (const name of targets)
    await enlistTarget(msx, {
      name,
      agentVersion: MASTER_VERSION,
      certFingerprint: `sha256:${createHash('sha256').update(name).digest('hex')}`,
    })
  return targets
}

const tab = editorTab
const outline = (page: Page) => page.getByRole('list', { name: 'Step flow' }).getByRole('listitem')

test('a new job from the editor: steps and their flow, a weekly schedule, targets searched, the plan', async ({
  page,
  msx,
  unique,
}) => {
  const prefix = unique('EDIT')
  const targets = await seedTargets(msx, prefix)
  const name = `${prefix}-nightly`
  await page.goto('/jobs')
  await page.getByRole('link', { name: 'New job' }).first().click()
  await expect(page).toHaveURL(/\/jobs\/new$/)

  await test.step('saving an empty job says which pages need attention, and the targets rule in SSMS’s words', async () => {
    await page.getByRole('button', { name: 'Create job' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Some values need attention' })).toHaveText(
      'Some values need attention on General, Steps, Targets.',
    )
    await tab(page, 'Targets').click()
    await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveText(
      'You must specify the Target Servers on which this multi server job will execute.',
    )
  })

  await test.step('General', async () => {
    await tab(page, 'General').click()
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('Description').fill('Back up, then verify')
    await page.getByLabel('Category').fill('Nightly maintenance')
  })

  await test.step('Steps: two steps, a go-to that follows a move, and an unreachable step warned about', async () => {
    await tab(page, 'Steps').click()
    await page.getByLabel('Step name').fill('backup')
    await typeCommand(page, 1, 'echo backup')
    await page.getByRole('button', { name: 'New step' }).click()
    await page.getByLabel('Step name').fill('verify')
    await page.getByLabel('Type').selectOption('sql')
    await page.getByLabel('Connection').fill('warehouse')
    await typeCommand(page, 2, 'SELECT 1')
    await expect(page.getByTestId('code-editor')).toHaveAttribute('data-language', 'sql')
    await page.getByLabel('On success action').selectOption({ label: 'Quit the job reporting success' })

    await outline(page).nth(0).click()
    await page.getByLabel('On failure action').selectOption({ label: 'Go to step 2: verify' })
    await expect(outline(page).nth(0)).toContainText('On failure: Go to step 2: verify')

    // Alt+↓ moves backup below verify: its go-to now names verify's new number
    await outline(page).nth(0).getByRole('button').press('Alt+ArrowDown')
    await expect(outline(page).nth(0)).toContainText('1. verify')
    await expect(outline(page).nth(1)).toContainText('On failure: Go to step 1: verify')
    await expect(outline(page).nth(1)).toContainText('No path reaches this step')
    await page.getByRole('button', { name: 'Move step up' }).click()
    await expect(outline(page).nth(0)).toContainText('1. backup')
    await expect(outline(page).nth(0)).toContainText('On failure: Go to step 2: verify')
    await expect(page.getByText('No path reaches this step')).toHaveCount(0)

    await test.step('Delete asks first; a go-to to the deleted step must be chosen again', async () => {
      await outline(page).nth(1).click()
      await page.getByRole('button', { name: 'Delete' }).click()
      await expect(page.getByRole('alertdialog')).toContainText('Delete step 2, verify?')
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click()
      await expect(outline(page)).toHaveCount(2)
    })
  })

  await test.step('Schedules: the builder writes the expression, in words with the next runs', async () => {
    await tab(page, 'Schedules').click()
    await page.getByRole('button', { name: 'New schedule' }).click()
    await page.getByLabel('Schedule name').fill('weeknights')
    await page.getByLabel('Occurs').selectOption('week')
    await page.getByLabel('At', { exact: true }).fill('02:30')
    await expect(page.getByLabel('Cron expression')).toHaveValue('30 2 * * 1-5')
    await expect(page.getByTestId('schedule-words')).toHaveText('At 02:30, Monday through Friday')
    await expect(page.getByRole('list', { name: "Next runs, master's time" }).getByRole('listitem')).toHaveCount(5)
    await page.getByRole('checkbox', { name: 'Sat' }).check()
    await expect(page.getByLabel('Cron expression')).toHaveValue('30 2 * * 1-6')
    await page.getByLabel('End date (optional)').fill('2020-01-01T00:00')
    await expect(page.getByText('It will not run again: its end date has passed.')).toBeVisible()
    await page.getByLabel('Start date (optional)').fill('2020-02-01T00:00')
    await page.getByRole('button', { name: 'Create job' }).click()
    await expect(page.getByText('must be later than startsAt')).toBeVisible()
    await page.getByLabel('Start date (optional)').fill('')
    await page.getByLabel('End date (optional)').fill('')
    await expect(page.getByRole('list', { name: "Next runs, master's time" }).getByRole('listitem')).toHaveCount(5)
  })

  await test.step('Targets: searched on the master, added to the job', async () => {
    await tab(page, 'Targets').click()
    await page.getByLabel('Find target servers and groups').fill(prefix)
    for (const target of targets) await page.getByRole('button', { name: `Add ${target}` }).click()
    await expect(page.getByRole('list', { name: 'Target servers' }).getByRole('listitem')).toHaveText(targets)
  })

  await test.step('Notifications: the MSXOperator only', async () => {
    await tab(page, 'Notifications').click()
    await page.getByLabel('E-mail').selectOption('failure')
  })

  await test.step('Create asks first with the plan, then says what it posted', async () => {
    await page.getByRole('button', { name: 'Create job' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog.getByRole('heading', { name: `Create ${name}?` })).toBeVisible()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      'INSERT to 2 target servers gaining the job',
    )
    await dialog.getByRole('button', { name: 'Create job' }).click()
    await expect(page).toHaveURL(new RegExp(`/jobs/${name}$`))
    await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(
      `Created ${name} (version 1). Posted INSERT to 2 target servers.`,
    )
  })

  const job = await msx.db.job.findUniqueOrThrow({
    where: { nameKey: name.toUpperCase() },
    include: { steps: { orderBy: { stepNumber: 'asc' } }, schedules: true },
  })
  expect(job.steps.map((s) => [s.name, s.kind, s.command, s.onFailure])).toEqual([
    ['backup', 'cmdexec', 'echo backup', 'goto:2'],
    ['verify', 'sql', 'SELECT 1', 'quit-failure'],
  ])
  expect(job.steps[1]?.connection).toBe('warehouse')
  expect(job.schedules.map((s) => s.cron)).toEqual(['30 2 * * 1-6'])
  expect([job.category, job.notifyEmail]).toEqual(['Nightly maintenance', 'failure'])
  expect(await msx.db.downloadInstruction.count({ where: { objectName: name, operation: 'INSERT' } })).toBe(2)
})

test('editing a job: leaving asks first, a stale edit is refused with who saved it, a save posts UPDATE', async ({
  page,
  msx,
  unique,
}) => {
  const prefix = unique('EDIT')
  const targets = await seedTargets(msx, prefix)
  const name = `${prefix}-vacuum`
  const definition = {
    name,
    steps: [{ name: 'vacuum', kind: 'cmdexec' as const, command: 'echo vacuumed' }],
    targets: { servers: targets, groups: [] },
  }
  await createJob(msx, definition)
  await page.goto(`/jobs/${name}?tab=steps`)
  await page.getByRole('link', { name: 'Edit' }).click()
  await expect(page).toHaveURL(new RegExp(`/jobs/${name}/edit\\?tab=steps$`))
  await expect(page.getByLabel('Step name')).toHaveValue('vacuum')

  await test.step('leaving with unsaved changes asks first', async () => {
    await tab(page, 'General').click()
    await page.getByLabel('Description').fill('Reclaims space')
    await expect(page.getByText('Unsaved changes')).toBeVisible()
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Jobs' }).click()
    await expect(page.getByRole('alertdialog')).toContainText('Leave without saving?')
    await page.getByRole('button', { name: 'Stay' }).click()
    await expect(page).toHaveURL(/\/edit/)
    await expect(page.getByLabel('Description')).toHaveValue('Reclaims space')
  })

  await test.step('someone else saves meanwhile: the save is refused, saying who and when', async () => {
    await updateJob(msx, name, { ...definition, description: 'changed elsewhere' })
    await page.getByRole('button', { name: 'Save job' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toContainText(
      'UPDATE to 2 target servers keeping the job',
    )
    await dialog.getByRole('button', { name: 'Save job' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'since you opened it' })).toContainText(
      `${name} was changed by ${msx.actor.name}`,
    )
    await expect(page.getByLabel('Description')).toHaveValue('Reclaims space')
  })

  await test.step('opened again, the save posts UPDATE to the targets that keep the job', async () => {
    await page.goto(`/jobs/${name}/edit`)
    await expect(page.getByLabel('Description')).toHaveValue('changed elsewhere')
    await page.getByLabel('Description').fill('Reclaims space')
    await page.getByRole('button', { name: 'Save job' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Save job' }).click()
    await expect(page).toHaveURL(new RegExp(`/jobs/${name}$`))
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${name} (version 3). Posted UPDATE to 2 target servers.`,
    )
    await expect(page.getByText('Reclaims space · Version 3 · 2 target servers')).toBeVisible()
  })
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('may not create jobs: New job says why, and the editor page refuses', async ({ page }) => {
    await page.goto('/jobs/new')
    await expect(page.getByText('Viewers may not create, change or delete jobs')).toBeVisible()
  })
})
