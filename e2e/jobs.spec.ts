// The Jobs list and a job's page: multiserver jobs with their targets and last outcomes, filtered and sorted on
// the server; Disable, Start and Delete asking first with the plan; a job's pages from General to History.
import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { MsxContext } from '../lib/msx/context'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { createJob } from '../lib/msx/jobs'
import { recordOutcomes } from '../lib/msx/outcomes'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { choose } from './choose'
import { recordFinishedRuns } from './finished-runs'
import { expect, test } from './fixtures'

async function seed(msx: MsxContext, unique: (prefix: string) => string) {
  const prefix = unique('JOBS')
  const targets = [`${prefix}-T1`, `${prefix}-T2`]
  for (const name of targets)
    await enlistTarget(msx, {
      name,
      agentVersion: MASTER_VERSION,
      certFingerprint: `sha256:${createHash('sha256').update(name).digest('hex')}`,
    })
  const step = { name: 'vacuum', kind: 'cmdexec' as const, command: 'echo vacuumed' }
  const failing = await createJob(msx, {
    name: `${prefix}-backup`,
    category: 'Database Maintenance',
    steps: [step, { name: 'copy', kind: 'cmdexec', command: 'copy-to-vault', onSuccess: 'quit-success' }],
    schedules: [{ name: 'weeknights', cron: '30 2 * * 1-5' }],
    targets: { servers: targets, groups: [] },
  })
  await createJob(msx, { name: `${prefix}-vacuum`, steps: [step], targets: { servers: targets, groups: [] } })
  const [first] = targets
  const target = await msx.db.targetServer.findFirstOrThrow({ where: { name: first } })
  const run = { runId: `${prefix}-run`, jobId: failing.job.id, jobName: failing.job.name, retriesAttempted: 0 }
  const startedAt = new Date(Date.now() - 60_000).toISOString()
  await recordOutcomes(msx.db, target, [
    {
      ...run,
      idempotencyKey: `${prefix}:1`,
      stepNumber: 1,
      stepName: 'vacuum',
      runStatus: 1,
      message: 'ok',
      output: 'vacuumed',
      startedAt,
      durationMs: 900,
    },
    {
      ...run,
      idempotencyKey: `${prefix}:2`,
      stepNumber: 2,
      stepName: 'copy',
      runStatus: 0,
      message: 'The network path was not found.',
      // longer than History shows at first: its tail is where the failure is said
      output: `${Array.from({ length: 300 }, (_, i) => `copying file ${String(i).padStart(4, '0')}`).join('\n')}\ncopy: no route`,
      startedAt,
      durationMs: 300,
    },
    {
      ...run,
      idempotencyKey: `${prefix}:0`,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: 0,
      message: 'The job failed.',
      output: '',
      startedAt,
      durationMs: 1200,
    },
  ])
  // a group of the second target only, which has not run the job
  await createGroup(msx, `${prefix}-second`)
  await addGroupMembers(msx, `${prefix}-second`, [targets[1] ?? ''])
  return { prefix, targets, failing: failing.job.name, quiet: `${prefix}-vacuum` }
}

const jobRow = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Jobs' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) })

test('the Jobs list shows each job with its targets and outcomes, filters and sorts on the server', async ({
  page,
  msx,
  unique,
}) => {
  const data = await seed(msx, unique)
  await page.goto(`/jobs?search=${data.prefix}`)
  await expect(jobRow(page, data.failing)).toContainText('Database Maintenance')
  await expect(jobRow(page, data.failing)).toContainText('1 failed, 1 never run')
  await expect(jobRow(page, data.quiet)).toContainText('2 never run')
  await expect(jobRow(page, data.quiet)).toContainText('Not scheduled')

  await test.step('at 1280 pixels every column shows without scrolling sideways', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    const table = page.getByRole('table', { name: 'Jobs' })
    await expect(table.getByRole('columnheader', { name: 'Owner' })).toBeVisible()
    await expect
      .poll(() => table.evaluate((t) => (t.parentElement ? t.scrollWidth - t.parentElement.clientWidth : 0)))
      .toBeLessThanOrEqual(0)
  })

  await test.step('the outcome filter keeps the job that failed somewhere, in the URL', async () => {
    await choose(page, 'Outcome', 'Failed on any target')
    await expect(page).toHaveURL(/outcome=failed/)
    await expect(jobRow(page, data.quiet)).toHaveCount(0)
    await expect(jobRow(page, data.failing)).toBeVisible()
    await page.reload()
    await expect(jobRow(page, data.quiet)).toHaveCount(0)
  })

  await test.step('sorted by name, descending', async () => {
    await page.goto(`/jobs?search=${data.prefix}&sort=name&dir=desc`)
    const names = page.getByRole('table', { name: 'Jobs' }).getByRole('rowheader')
    await expect(names).toHaveText([data.quiet, data.failing])
  })
})

test("Disable and Start ask first with the plan and say what they posted; a job's pages; Delete", async ({
  page,
  msx,
  unique,
}) => {
  // a long walk through the list and every tab of a job's page
  test.slow()
  const data = await seed(msx, unique)
  await page.goto(`/jobs?search=${data.prefix}`)
  const dialog = page.getByRole('alertdialog')

  await test.step('Disable: the plan names the targets that get UPDATE', async () => {
    await page.getByRole('checkbox', { name: `Select ${data.quiet}` }).check()
    await page.getByRole('button', { name: 'Disable', exact: true }).click()
    await expect(dialog.getByRole('heading', { name: `Disable ${data.quiet}?` })).toBeVisible()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      `${data.quiet}: UPDATE to 2 target servers`,
    )
    await dialog.getByRole('button', { name: 'Disable', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: `Disabled ${data.quiet}.` })).toHaveText(
      `Disabled ${data.quiet}. Posted UPDATE to 2 target servers.`,
    )
    await expect(jobRow(page, data.quiet)).toContainText('No')
  })

  await test.step('Start two jobs: START to each one’s targets', async () => {
    await page.getByRole('checkbox', { name: 'Select all jobs on this page' }).check()
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(dialog.getByRole('list', { name: 'What will be posted' }).getByRole('listitem')).toHaveCount(2)
    await dialog.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Started 2 jobs.' })).toHaveText(
      'Started 2 jobs. Posted START to 4 target servers.',
    )
  })

  await test.step('Re-post: nothing to post while every target has the definition waiting', async () => {
    await page.getByRole('checkbox', { name: `Select ${data.quiet}` }).check()
    await page.getByRole('button', { name: 'Re-post', exact: true }).click()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      `${data.quiet}: every target holds its current version or has it waiting, nothing is posted`,
    )
    await dialog.getByRole('button', { name: 'Re-post', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: `Re-posted ${data.quiet}` })).toHaveText(
      `Re-posted ${data.quiet}: every target holds the current version or has it waiting, nothing was posted.`,
    )
  })

  await test.step("a job's pages: its steps, schedules in words, targets and history with each step's output", async () => {
    await page.getByRole('link', { name: data.failing }).click()
    await expect(page.getByRole('heading', { name: data.failing, level: 1 })).toBeVisible()
    await page.getByRole('link', { name: 'Steps' }).click()
    await expect(page.getByRole('table', { name: 'Job steps' })).toContainText('copy-to-vault')
    await expect(page.getByRole('table', { name: 'Job steps' })).toContainText('Quit the job reporting success')
    await page.getByRole('link', { name: 'Schedules' }).click()
    await expect(page.getByText('At 02:30, Monday through Friday')).toBeVisible()
    await page.getByRole('link', { name: 'Targets' }).click()
    const targets = page.getByRole('table', { name: 'Target servers of the job' })
    await expect(targets.getByRole('row')).toHaveCount(3)
    await expect(targets.getByRole('row').filter({ hasText: data.targets[1] })).toContainText(
      'None yetINSERT of version 1 waits to be downloaded',
    )
    await choose(page, 'Definition', 'Waiting to download (2)')
    await expect(targets.getByRole('row')).toHaveCount(3)
    await page.getByRole('searchbox', { name: 'Target server' }).fill(data.targets[1] ?? '')
    await expect(targets.getByRole('row')).toHaveCount(2)
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect(targets.getByRole('row')).toHaveCount(3)
  })

  await test.step('Targets: a target whose INSERT was deleted is offered Re-post, which asks and posts UPDATE to it', async () => {
    const [first] = data.targets
    await msx.db.downloadInstruction.deleteMany({ where: { targetName: first, objectName: data.failing } })
    await page.reload()
    const targets = page.getByRole('table', { name: 'Target servers of the job' })
    const row = targets.getByRole('row').filter({ hasText: first })
    await expect(row).toContainText('None yetolder than version 1')
    await row.getByRole('button', { name: `Re-post to ${first}` }).click()
    await expect(dialog).toContainText(`UPDATE of version 1 is posted to ${first}`)
    await dialog.getByRole('button', { name: 'Re-post', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Posted UPDATE' })).toHaveText(
      `Posted UPDATE of ${data.failing} (version 1) to ${first}: it gets it when it next polls.`,
    )
    await expect(row).toContainText('None yetUPDATE of version 1 waits to be downloaded')
    await expect(row.getByRole('button', { name: `Re-post to ${first}` })).toHaveCount(0)
  })

  await test.step("a job's history with each step's output", async () => {
    await page.getByRole('link', { name: 'History' }).click()
    const grid = page.getByRole('table', { name: 'Latest runs per target' })
    await expect(grid.getByRole('list', { name: `Runs on ${data.targets[0]}` }).getByRole('listitem')).toHaveText(
      /^Failed, started .+ UTC, 1\.2 s$/,
    )
    await expect(grid.getByRole('row').filter({ hasText: data.targets[1] })).toContainText('Never run')
    const run = page.getByRole('list', { name: 'Runs', exact: true }).getByRole('listitem').first()
    await run.locator('summary').click()
    await expect(run).toContainText('The network path was not found.')
    await expect(run).toContainText('copy: no route')
    await expect(run).not.toContainText('copying file 0000')
    await expect(run).toContainText(/The last 4,000 of 5,\d{3} characters\./)
    const download = run.getByRole('link', { name: `Download the output of step 2 on ${data.targets[0]}` })
    const file = await page.request.get((await download.getAttribute('href')) ?? '')
    expect(file.headers()['content-disposition']).toMatch(/^attachment; filename=".+_step-2_.+\.txt"$/)
    expect((await file.text()).startsWith('copying file 0000\n')).toBe(true)
    await run.getByRole('button', { name: 'Show all output' }).click()
    await expect(run).toContainText('copying file 0000')
    await expect(run.getByRole('button', { name: 'Show all output' })).toHaveCount(0)
    await choose(page, 'Group', `${data.prefix}-second`)
    await expect(page.getByText('No run of this job matches, in this window.')).toBeVisible()
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect(run).toContainText('The network path was not found.')
    await choose(page, 'Outcome', 'Succeeded')
    await expect(page).toHaveURL(/tab=history&outcome=succeeded|outcome=succeeded/)
    await expect(page.getByText('No run of this job matches, in this window.')).toBeVisible()
  })

  await test.step('Versions: the disabled job has two, compared side by side, each to download', async () => {
    await page.goto(`/jobs/${data.quiet}?tab=versions`)
    const versions = page.getByRole('table', { name: 'Versions' })
    await expect(versions.getByRole('row')).toHaveCount(3)
    await expect(versions.getByRole('link', { name: 'Download version 1' })).toHaveAttribute(
      'href',
      `/api/jobs/${data.quiet}/file?version=1`,
    )
    await versions.getByRole('link', { name: 'Compare with version 1' }).click()
    const compared = page.getByRole('region', { name: 'Version 1 and version 2' })
    await expect(compared).toContainText('+   "enabled": false')
    const file = await page.request.get(`/api/jobs/${data.quiet}/file?version=1`)
    expect(await file.json()).toMatchObject({ name: data.quiet, enabled: true })
    await page.goto(`/jobs/${data.failing}`)
  })

  await test.step('Delete from its page: DELETE to its targets, and back to the list', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      `${data.failing}: DELETE to 2 target servers`,
    )
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page).toHaveURL(/\/jobs$/)
    expect(await msx.db.job.count({ where: { name: data.failing } })).toBe(0)
  })
})

test("History's duration chart: each target's runs against its usual duration, one flagged, also as a table", async ({
  page,
  msx,
  unique,
}) => {
  const data = await seed(msx, unique)
  const [first, second] = data.targets as [string, string]
  await recordFinishedRuns(msx, data.quiet, first, [...Array(19).fill(60_000), 150_000], { lastFailed: true })
  await recordFinishedRuns(msx, data.quiet, second, [20_000, 22_000, 21_000])
  await page.goto(`/jobs/${data.quiet}?tab=history`)
  const chart = page.getByRole('region', { name: 'Duration of the last 30 runs' })
  await expect(chart).toContainText('2 target servers.')
  await expect(chart.getByRole('img', { name: `Run durations on ${first}: 20 runs` })).toHaveAccessibleName(
    `Run durations on ${first}: 20 runs, usual 1 min 0 s, 1 longer than usual, 1 failed`,
  )
  await expect(chart.getByRole('img', { name: `Run durations on ${second}: 3 runs` })).toHaveAccessibleName(
    `Run durations on ${second}: 3 runs, usual 22 s, 0 longer than usual, 0 failed`,
  )
  const plots = chart.getByRole('list', { name: 'Run durations, a chart per target' })
  await expect(plots.getByText('longer than usual', { exact: true })).toHaveCount(1)

  await test.step('a tooltip on the flagged run: its target, start, duration and outcome', async () => {
    // the ring around the run's mark: pointing at it points at the run
    await plots.locator('circle.stroke-amber-600').hover({ force: true })
    await expect(plots.getByText('2 min 30 s, Failed', { exact: true })).toBeVisible()
    await expect(plots.getByText('Longer than usual (1 min 0 s)', { exact: true })).toBeVisible()
    await expect(plots.getByText(/^Started /)).toBeVisible()
  })

  await test.step('as a table, the flagged run among the others', async () => {
    await chart.getByRole('button', { name: 'Show as table' }).click()
    const table = chart.getByRole('table', { name: 'Run durations per target' })
    await expect(table.getByRole('row')).toHaveCount(1 + 20 + 3)
    await expect(table.getByRole('row').filter({ hasText: 'longer than usual' })).toHaveText(
      new RegExp(`^${first}.+2 min 30 slonger than usualFailed1 min 0 s$`),
    )
    await chart.getByRole('button', { name: 'Hide table' }).click()
    await expect(table).toBeHidden()
  })

  await test.step("the target filter narrows the chart to that target's runs", async () => {
    await page.getByRole('searchbox', { name: 'Target server' }).fill(second)
    await expect(chart).toContainText('1 target server.')
    await expect(chart.getByRole('img', { name: /^Run durations on / })).toHaveCount(1)
  })
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('reads the jobs; the actions say why they are not allowed', async ({ page, msx, unique }) => {
    const data = await seed(msx, unique)
    await page.goto(`/jobs?search=${data.prefix}`)
    await page.getByRole('checkbox', { name: `Select ${data.quiet}` }).check()
    await expect(page.getByRole('button', { name: /^Start/ })).toHaveAttribute('aria-disabled', 'true')
    await expect(page.getByRole('button', { name: /^Delete/ })).toHaveAttribute('aria-disabled', 'true')
  })
})
