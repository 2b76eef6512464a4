// The job editor with real msx-agent processes: a job created in the dashboard for a group of two agents is
// downloaded by both; started, each runs it, the failing step taking its on-failure action; Start on failed targets
// runs it again on both; an edit that changes a step and keeps one target reaches them as UPDATE and DELETE; Start
// at step 2 skips step 1; Delete takes it off the last one.
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { nameKey } from '../lib/msx/names'
import { expect, test } from './agents/fixture'
import { editorTab, replaceCommand, typeCommand } from './job-editor-page'

// two agents to enlist and start, and each change waits on their polls
test.describe.configure({ timeout: 120_000 })
const AGENTS = { timeout: 45_000 }

test('a job from the editor reaches a group of real agents, runs its flow; an edit posts UPDATE and DELETE', async ({
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
  const group = `${site}-group`
  await createGroup(msx, group)
  await addGroupMembers(msx, group, [kept.name, dropped.name])
  const stepOutputs = async (step: number) =>
    (
      await msx.db.jobHistory.findMany({ where: { jobName: name, stepNumber: step }, orderBy: { targetName: 'asc' } })
    ).map((row) => [row.targetName, row.runStatus, row.output.trim()])
  const held = (dataDir: string) => agents.status(dataDir).jobs.find((j) => j.name === name)?.version ?? null

  await test.step('created in the editor for the group, both agents download version 1', async () => {
    await page.goto('/jobs/new')
    await page.getByLabel('Name', { exact: true }).fill(name)
    await editorTab(page, 'Steps').click()
    await page.getByLabel('Step name').fill('gather')
    await typeCommand(page, 1, 'echo gathered; exit 3')
    await page.getByRole('button', { name: 'New step' }).click()
    await page.getByLabel('Step name').fill('publish')
    await typeCommand(page, 2, 'echo published-v1')
    await page.getByRole('button', { name: 'New step' }).click()
    await page.getByLabel('Step name').fill('report failure')
    await typeCommand(page, 3, 'echo reported')
    await page.getByLabel('On success action').selectOption('quit-failure')
    const outline = page.getByRole('list', { name: 'Step flow' }).getByRole('listitem')
    await outline.nth(0).click()
    await page.getByLabel('On failure action').selectOption({ label: 'Go to step 3: report failure' })
    await outline.nth(1).click()
    await page.getByLabel('On success action').selectOption('quit-success')
    await editorTab(page, 'Targets').click()
    await page.getByLabel('Find target servers and groups').fill(site)
    await page.getByRole('button', { name: `Add group ${group}` }).click()
    await page.getByRole('button', { name: 'Create job' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Create job' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Created' })).toHaveText(
      `Created ${name} (version 1). Posted INSERT to 2 target servers.`,
    )
    await expect.poll(() => [held(kept.dataDir), held(dropped.dataDir)], AGENTS).toEqual([1, 1])
    await page.getByRole('link', { name: 'Targets', exact: true }).click()
    await expect(page.getByRole('main')).toContainText(kept.name)
  })

  await test.step('started, each agent runs step 1, fails, and goes to step 3 as its on-failure action says', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start', exact: true }).click()
    const [first, second] = [dropped.name, kept.name].sort()
    await expect
      .poll(() => stepOutputs(3), AGENTS)
      .toEqual([
        [first, 1, 'reported'],
        [second, 1, 'reported'],
      ])
    expect(await stepOutputs(1)).toEqual([
      [first, 0, 'gathered'],
      [second, 0, 'gathered'],
    ])
    expect(await stepOutputs(2)).toEqual([])
    await expect.poll(async () => (await stepOutputs(0)).map((r) => r[1]), AGENTS).toEqual([0, 0])
    await page.getByRole('link', { name: 'History', exact: true }).click()
    await expect(page.getByRole('main')).toContainText('Failed')
  })

  await test.step('Start on failed targets, from the start, runs the job again on both failed agents', async () => {
    const [first, second] = [dropped.name, kept.name].sort()
    const run = page.getByRole('list', { name: 'Runs', exact: true }).getByRole('listitem').first()
    await run.locator('summary').click()
    await run.getByRole('button', { name: 'Start on failed targets' }).click()
    const dialog = page.getByRole('alertdialog')
    const plan = dialog.getByRole('list', { name: 'What will be posted' })
    await expect(plan).toContainText(`${first}: START at step 1 (gather)`)
    await expect(plan).toContainText(`${second}: START at step 1 (gather)`)
    await dialog.getByLabel('From the start (step 1)').check()
    await expect(plan).toContainText(`${first}: START at step 1`)
    await dialog.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'at step 1' })).toHaveText(
      'Posted START to 2 target servers, at step 1.',
    )
    await expect
      .poll(async () => (await stepOutputs(0)).map((r) => r[0]), AGENTS)
      .toEqual([first, first, second, second])
    expect((await stepOutputs(1)).map((r) => r[2])).toEqual(['gathered', 'gathered', 'gathered', 'gathered'])
  })

  await test.step('edited: the kept agent gets version 2, the dropped one deletes the job', async () => {
    await page.getByRole('link', { name: 'Edit' }).click()
    await editorTab(page, 'Steps').click()
    const outline = page.getByRole('list', { name: 'Step flow' }).getByRole('listitem')
    await outline.nth(0).click()
    await replaceCommand(page, 1, 'echo gathered-v2')
    await outline.nth(1).click()
    await replaceCommand(page, 2, 'echo published-v2')
    await editorTab(page, 'Targets').click()
    await page.getByRole('button', { name: `Remove ${group}` }).click()
    await page.getByLabel('Find target servers and groups').fill(kept.name)
    await page.getByRole('button', { name: `Add ${kept.name}` }).click()
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

  await test.step('started again at step 2, the kept agent runs the edited steps from there', async () => {
    await page.getByRole('button', { name: 'Start at step…' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.getByRole('combobox', { name: 'Start at step' }).click()
    await page.getByRole('option', { name: '2. publish' }).click()
    // the target is found on the master by its name and chosen
    await dialog.getByRole('radio', { name: 'Chosen target servers' }).check()
    await expect(dialog.getByText('Choose at least one target server.')).toBeVisible()
    await dialog.getByRole('searchbox', { name: 'Find target servers of the job' }).fill(kept.name.slice(0, -1))
    await dialog.getByRole('checkbox', { name: kept.name }).check()
    await expect(dialog.getByRole('list', { name: 'Chosen target servers' })).toHaveText(kept.name)
    await expect(dialog.getByRole('list', { name: 'What will be posted' })).toHaveText(
      'START to 1 target server, at step 2',
    )
    await dialog.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'at step 2' })).toHaveText(
      'Posted START to 1 target server, at step 2.',
    )
    await expect
      .poll(async () => {
        const step = await msx.db.jobHistory.findFirst({
          where: { jobName: name, stepNumber: 2 },
          select: { output: true, targetName: true },
        })
        return step && [step.targetName, step.output.trim()]
      }, AGENTS)
      .toEqual([kept.name, 'published-v2'])
    const firstSteps = await msx.db.jobHistory.findMany({ where: { jobName: name, stepNumber: 1 } })
    expect(firstSteps.map((row) => row.output.trim())).not.toContain('gathered-v2')
    await expect
      .poll(async () => {
        const outcome = await msx.db.jobHistory.findFirst({
          where: { jobName: name, stepNumber: 0, message: { contains: 'at step 2' } },
        })
        return outcome?.targetName
      }, AGENTS)
      .toBe(kept.name)
  })

  await test.step('Delete asks first, then DELETE takes the job off the agent', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page.getByRole('alertdialog').getByRole('list', { name: 'What will be posted' })).toContainText(
      'DELETE to 1 target server',
    )
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page).toHaveURL(/\/jobs$/)
    await expect.poll(() => held(kept.dataDir), AGENTS).toBeNull()
  })
})
