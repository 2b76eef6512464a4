// The target server page: its properties, the location edited in place, its groups, its jobs with their last
// outcome and its poll chart; a Viewer may read but not edit; an unknown name shows a page that says so.
import type { Page } from '@playwright/test'
import type { MsxContext } from '../lib/msx/context'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { createJob } from '../lib/msx/jobs'
import { recordOutcomes } from '../lib/msx/outcomes'
import { recordPolls } from '../lib/msx/polls'
import { postOperation } from '../lib/msx/post-operation'
import { deleteTargetServer, enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'

/** A target in a group, a job on it with one failed run, and three poll samples. */
async function targetWithHistory(msx: MsxContext, unique: (prefix: string) => string) {
  const name = unique('TSXPAGE')
  const [group, second, jobName] = [unique('grp'), unique('grp'), unique('job')]
  const target = await enlistTarget(msx, {
    name,
    agentVersion: MASTER_VERSION,
    location: 'Lyon rack 7',
    timeZoneOffsetMinutes: 330,
    certFingerprint: `AA:BB:${name}`,
    // not the master's default, which settings.spec changes for a moment
    pollIntervalSeconds: 60,
  })
  await createGroup(msx, group)
  await createGroup(msx, second)
  await addGroupMembers(msx, group, [name])
  const { job } = await createJob(msx, {
    name: jobName,
    steps: [{ name: 'copy files', kind: 'cmdexec', command: 'true' }],
    targets: { servers: [name], groups: [] },
  })
  const run = { runId: `${name}-run`, jobId: job.id, jobName, output: '', retriesAttempted: 0, durationMs: 2500 }
  const startedAt = new Date(Date.now() - 60_000).toISOString()
  await recordOutcomes(msx.db, target, [
    {
      ...run,
      idempotencyKey: `${name}:1`,
      stepNumber: 1,
      stepName: 'copy files',
      runStatus: 0,
      message: 'disk full',
      startedAt,
    },
    {
      ...run,
      idempotencyKey: `${name}:0`,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: 0,
      message: 'The job failed.',
      startedAt,
    },
  ])
  const now = Date.now()
  for (const [minutesAgo, clockSkewMs, spoolDepth] of [
    [20, 120, 4],
    [10, -35, 7],
    [0.5, 15, 2],
  ] as const)
    await recordPolls(msx.db, [
      {
        targetId: target.id,
        at: new Date(now - minutesAgo * 60_000),
        localTime: new Date(now - minutesAgo * 60_000 + clockSkewMs),
        clockSkewMs,
        spoolDepth,
        spoolOldestAt: new Date(now - 3 * 3_600_000),
        pollIntervalSeconds: 60,
        sample: true,
      },
    ])
  return { name, group, second, jobName }
}

/** The value of one property, by its term. */
const property = (page: Page, term: string) =>
  page.locator(`dl[aria-label="Properties"] div:has(> dt:text-is("${term}")) > dd`)

test('an administrator sees a target in full, edits its location and its groups', async ({ page, msx, unique }) => {
  // four pages and two reloads: on a loaded 2-core machine every step passed and the whole took 29 s
  test.slow()
  const { name, group, second, jobName } = await targetWithHistory(msx, unique)

  await test.step('from the list, the name opens its page with its properties', async () => {
    await page.goto(`/targets?search=${name}`)
    await page.getByRole('link', { name, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/targets/${name}$`))
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByTestId('status-reason')).toContainText('Polled')
    await expect(page.getByTestId('enlisted-by')).toHaveText('e2e-setup')
    await expect(property(page, 'Time zone')).toHaveText('UTC+5:30')
    await expect(property(page, 'Certificate fingerprint')).toContainText(`AA:BB:${name}`)
    await expect(page.getByRole('button', { name: 'Copy the certificate fingerprint' })).toBeVisible()
    await expect(property(page, 'Agent version')).toHaveText(MASTER_VERSION)
    await expect(property(page, 'Encryption')).toHaveText('TLS, master certificate validated')
    await expect(property(page, 'Poll interval')).toHaveText('60 s')
    await expect(property(page, 'Clock skew')).toHaveText('+15 ms')
    await expect(property(page, 'Spooled outcomes')).toContainText('2 · oldest 3 h ago')
    // the Connection card says why it downloads, in one sentence with its evidence
    await expect(page.getByTestId('connection-sentence')).toHaveText(/^Polling normally: last poll .+ ago/)
    const evidence = page.locator('dl[aria-label="Connection evidence"] div:has(> dt:text-is("Agent version")) > dd')
    await expect(evidence).toContainText(MASTER_VERSION)
    await expect(page.getByLabel('Location')).toHaveValue('Lyon rack 7')
  })

  await test.step('the location is saved and in the activity log', async () => {
    await page.getByLabel('Location').fill('Paris rack 2')
    await page.getByRole('button', { name: 'Save location' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: `${name} is now located at "Paris rack 2".` }),
    ).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Location')).toHaveValue('Paris rack 2')
    await page.goto(`/activity?search=${name}`)
    const entry = page.getByRole('row').filter({ hasText: 'target.update' })
    await expect(entry).toContainText('Paris rack 2')
    await page.goto(`/targets/${name}`)
  })

  await test.step('added to a second group, removed from the first', async () => {
    const groups = page.getByRole('list', { name: 'Groups' })
    await expect(groups).toContainText(group)
    await page.getByLabel('Add to group').selectOption(second)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: `Added ${name} to ${second}.` })).toBeVisible()
    await expect(groups).toContainText(second)
    await page.getByRole('button', { name: `Remove from ${group}` }).click()
    await expect(page.getByRole('status').filter({ hasText: `Removed ${name} from ${group}.` })).toBeVisible()
    await expect(groups.getByRole('listitem')).toHaveCount(1)
    await expect(groups).toContainText(second)
  })

  await test.step('its job with the last outcome, its history, its instructions', async () => {
    const jobRow = page.getByRole('table', { name: 'Jobs' }).getByRole('row').filter({ hasText: jobName })
    await expect(jobRow).toContainText('Failed')
    await expect(jobRow).toContainText('The job failed.')
    await expect(jobRow).toContainText('2.5 s')
    const history = page.getByRole('table', { name: 'Job history' })
    await expect(history.getByRole('row').filter({ hasText: 'disk full' })).toContainText('copy files')
    await expect(page.getByRole('table', { name: 'Download instructions' })).toContainText('INSERT')
    await expect(page.getByRole('link', { name: 'All its instructions' })).toHaveAttribute(
      'href',
      `/targets/instructions?target=${name}`,
    )
  })

  await test.step('the poll chart says its values in words', async () => {
    await expect(
      page.getByRole('img', { name: /^Clock skew: min −35 ms, max \+120 ms, last \+15 ms \(3 samples\)$/ }),
    ).toBeVisible()
    await expect(page.getByRole('img', { name: /^Spool depth: min 2, max 7, last 2/ })).toBeVisible()
    await expect(page.getByRole('img', { name: /^Poll interval: min 60 s, max 60 s, last 60 s/ })).toBeVisible()
  })
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('reads the page, with the location and groups disabled and why', async ({ page, msx, unique }) => {
    const { name } = await targetWithHistory(msx, unique)
    await page.goto(`/targets/${name}`)
    await expect(page.getByLabel('Location')).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Save location' })).toBeDisabled()
    await expect(page.getByText('Viewers may not change target server properties')).toBeVisible()
    await expect(page.getByLabel('Add to group')).toBeDisabled()
    await expect(page.getByText('Viewers may not change target server groups')).toBeVisible()
  })
})

test('an unknown name shows that no such target server exists', async ({ page }) => {
  const response = await page.goto('/targets/NO-SUCH-TARGET-SERVER')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'No such target server' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to Manage Target Servers' })).toBeVisible()
})

test('a target named "instructions" opens from both tabs, though /targets/instructions is Download Instructions', async ({
  page,
  msx,
}) => {
  // the one name that meets a page of the app under /targets; it is removed after, for the other tests' lists
  const name = 'instructions'
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION, location: 'Same name as a tab' })
  try {
    await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
    await page.goto(`/targets?search=${name}`)
    await page.getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByLabel('Location')).toHaveValue('Same name as a tab')

    await page.goto(`/targets/instructions?target=${name}`)
    await expect(page.getByRole('heading', { name: 'Manage Target Servers' })).toBeVisible()
    await page.getByRole('table', { name: 'Download instructions' }).getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  } finally {
    await deleteTargetServer(msx, name, { clearDownloadList: true })
  }
})

test('has the toolbar actions for its target: Force Poll, Post Instructions..., and Force Defection back to the list', async ({
  page,
  msx,
  unique,
}) => {
  const name = unique('ACTS')
  await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  await page.goto(`/targets/${name}`)
  const actions = page.getByRole('group', { name: `Actions on ${name}` })
  for (const button of ['Force Poll', 'Force Defection', 'Post Instructions...', 'Re-synchronize', 'Defect'])
    await expect(actions.getByRole('button', { name: button, exact: true })).toBeEnabled()

  await test.step('Force Poll', async () => {
    await actions.getByRole('button', { name: 'Force Poll' }).click()
    await expect(actions.getByRole('status').filter({ hasText: 'Asked 1 target server to poll now.' })).toBeVisible()
  })

  await test.step('Post Instructions... goes to this target', async () => {
    await actions.getByRole('button', { name: 'Post Instructions...' }).click()
    const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
    await dialog.getByRole('radio', { name: /Set polling interval/ }).check()
    await expect(dialog.getByRole('radio', { name: 'Selected target servers (1)' })).toBeChecked()
    await dialog.getByLabel('Polling interval (seconds)').fill('120')
    await dialog.getByRole('button', { name: 'Post' }).click()
    await expect(actions.getByRole('status').filter({ hasText: 'Posted SET-POLL to 1 target server.' })).toBeVisible()
    const posted = await msx.db.downloadInstruction.findMany({ where: { targetName: name, operation: 'SET-POLL' } })
    expect(posted.map((row) => row.value)).toEqual(['120'])
  })

  await test.step('Force Defection asks, removes it, and goes back to Manage Target Servers', async () => {
    await actions.getByRole('button', { name: 'Force Defection' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Force the defection of 1 target server?' })
    await expect(confirm).toContainText(name)
    await confirm.getByRole('button', { name: 'Force Defection' }).click()
    await expect(page).toHaveURL(/\/targets$/)
    expect(await msx.db.targetServer.count({ where: { nameKey: name } })).toBe(0)
  })
})
