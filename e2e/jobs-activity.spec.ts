// Running now with a real msx-agent: a started job shows on its long first step (the agent reports the step's
// start, no step has ended), on Running now and on the job's History; Stop asks first, posts STOP to that target,
// and the run leaves the list once the agent records it as canceled.
import type { Page } from '@playwright/test'
import { createJob } from '../lib/msx/jobs'
import { postOperation } from '../lib/msx/post-operation'
import { expect, test } from './agents/fixture'

// the agent downloads the job and START within a poll, and reports the run at once; live views refresh on notices
const LIVE = { timeout: 20_000 }

test.describe.configure({ timeout: 90_000 })

const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test('a run shows on Running now on its current step, and Stop ends it', async ({ page, agents, msx, unique }) => {
  const agent = await agents.running(unique('RUNNOW'))
  const job = unique('long-job')
  await createJob(msx, {
    name: job,
    steps: [{ name: 'wait a while', kind: 'cmdexec', command: 'sleep 300' }],
    targets: { servers: [agent.name], groups: [] },
  })
  await expect
    .poll(async () => (await msx.db.jobServer.findFirst({ where: { job: { name: job } } }))?.heldVersion, LIVE)
    .toBe(1)

  await page.goto(`/jobs/activity?job=${job}`)
  await expect(page.getByRole('heading', { name: 'Running now', level: 1 })).toBeVisible()
  await expect(page.getByText('No run in progress matches')).toBeVisible()
  await postOperation(msx, { operation: 'START', job, recipients: { targets: [agent.name] } })

  const table = page.getByRole('table', { name: 'Runs in progress' })
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: job }) })
  await test.step('the run is listed on its first step before that step ends', async () => {
    await expect(row).toContainText('step 1 (wait a while)', LIVE)
    await expect(row.getByRole('link', { name: agent.name })).toHaveAttribute('href', `/targets/${agent.name}`)
    await expect(row.getByRole('link', { name: job })).toHaveAttribute('href', `/jobs/${job}`)
    expect(await msx.db.jobHistory.count({ where: { jobName: job } })).toBe(0)
  })

  await test.step("the job's History shows it in progress too", async () => {
    const history = await page.context().newPage()
    await history.goto(`/jobs/${job}?tab=history`)
    await expect(history.getByRole('list', { name: 'Runs in progress' })).toContainText('step 1 (wait a while)', LIVE)
    await history.close()
  })

  await test.step('Stop asks first, posts STOP to that target, and the run leaves the list', async () => {
    await row.getByRole('checkbox', { name: `Select ${job} on ${agent.name}` }).check()
    await page.getByRole('button', { name: 'Stop', exact: true }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toContainText(`STOP of ${job} to ${agent.name}`)
    await dialog.getByRole('button', { name: 'Stop' }).click()
    await expect(toast(page, `Posted STOP of ${job} to ${agent.name} (1 target server).`)).toBeVisible()
    await expect(row).toHaveCount(0, LIVE)
    await expect(page.getByText('No run in progress matches')).toBeVisible()
    await expect
      .poll(
        async () => (await msx.db.jobHistory.findFirst({ where: { jobName: job, stepNumber: 0 } }))?.runStatus,
        LIVE,
      )
      .toBe(3)
  })
})

test('Running now is in the navigation, under Jobs, and linked from the Jobs list', async ({ page }) => {
  await page.goto('/jobs')
  await page.getByRole('link', { name: 'Running now' }).first().click()
  await expect(page).toHaveURL(/\/jobs\/activity$/)
  await expect(page.getByRole('heading', { name: 'Running now', level: 1 })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Running now' }),
  ).toHaveAttribute('aria-current', 'page')
})
