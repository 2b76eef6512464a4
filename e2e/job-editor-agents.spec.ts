// The job editor with real msx-agent processes: a two-step job created in the dashboard is downloaded by both
// agents; an edit that changes a step and drops one target reaches them as UPDATE and DELETE; started from its
// page, the job runs the edited step on the agent that kept it.
import { nameKey } from '../lib/msx/names'
import { expect, test } from './agents/fixture'
import { editorTab, replaceCommand, typeCommand } from './job-editor-page'

// two agents to enlist and start, and each change waits on their polls
test.describe.configure({ timeout: 120_000 })
const AGENTS = { timeout: 45_000 }

test('a job from the editor reaches real agents; an edit posts UPDATE and DELETE; Start runs the new step', async ({
  page,
  agents,
  msx,
  unique,
}) => {
  test.slow()
  const site = unique('EDA')
  const [kept, dropped] = await Promise.all([agents.running(`${site}K`), agents.running(`${site}D`)])
  if (!kept || !dropped) throw new Error('two agents expected')
  const name = `${site}-report`
  const held = (dataDir: string) => agents.status(dataDir).jobs.find((j) => j.name === name)?.version ?? null

  await test.step('created in the editor, both agents download version 1', async () => {
    await page.goto('/jobs/new')
    await page.getByLabel('Name', { exact: true }).fill(name)
    await editorTab(page, 'Steps').click()
    await page.getByLabel('Step name').fill('gather')
    await typeCommand(page, 1, 'echo gathered')
    await page.getByRole('button', { name: 'New step' }).click()
    await page.getByLabel('Step name').fill('publish')
    await typeCommand(page, 2, 'echo published-v1')
    await editorTab(page, 'Targets').click()
    await page.getByLabel('Find target servers and groups').fill(site)
    for (const agent of [kept, dropped]) await page.getByRole('button', { name: `Add ${agent.name}` }).click()
    await page.getByRole('button', { name: 'Create job' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Create job' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(
      `Created ${name} (version 1). Posted INSERT to 2 target servers.`,
    )
    await expect.poll(() => [held(kept.dataDir), held(dropped.dataDir)], AGENTS).toEqual([1, 1])
  })

  await test.step('edited: the kept agent gets version 2, the dropped one deletes the job', async () => {
    await page.getByRole('link', { name: 'Edit' }).click()
    await editorTab(page, 'Steps').click()
    await page.getByRole('list', { name: 'Step flow' }).getByRole('listitem').nth(1).click()
    await replaceCommand(page, 2, 'echo published-v2')
    await editorTab(page, 'Targets').click()
    await page.getByRole('button', { name: `Remove ${dropped.name}` }).click()
    await page.getByRole('button', { name: 'Save job' }).click()
    const plan = page.getByRole('alertdialog').getByRole('list', { name: 'What will be posted' })
    await expect(plan).toContainText('UPDATE to 1 target server keeping the job')
    await expect(plan).toContainText('DELETE to 1 target server losing the job')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Save job' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${name} (version 2). Posted UPDATE to 1 target server, DELETE to 1 target server.`,
    )
    await expect.poll(() => [held(kept.dataDir), held(dropped.dataDir)], AGENTS).toEqual([2, null])
    await expect
      .poll(async () => {
        const job = await msx.db.job.findUniqueOrThrow({ where: { nameKey: nameKey(name) } })
        const row = await msx.db.jobServer.findFirst({ where: { jobId: job.id }, select: { heldVersion: true } })
        return row?.heldVersion
      }, AGENTS)
      .toBe(2)
  })

  await test.step('started from its page, the kept agent runs the edited step', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByRole('alertdialog').getByRole('list', { name: 'What will be posted' })).toContainText(
      'START to 1 target server',
    )
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start', exact: true }).click()
    await expect
      .poll(async () => {
        const step = await msx.db.jobHistory.findFirst({
          where: { jobName: name, stepNumber: 2 },
          select: { output: true, targetName: true },
        })
        return step && [step.targetName, step.output.trim()]
      }, AGENTS)
      .toEqual([kept.name, 'published-v2'])
  })
})
