// The Target Server Status and Download Instructions pages as an administrator uses them with real msx-agent
// processes polling the e2e master over TLS: enlisting a waiting agent, forcing a poll, setting the polling
// interval of some, force-defecting one, and the two proxy errors an agent answers, cleared once their cause is fixed.
import os from 'node:os'
import type { Page } from '@playwright/test'
import { jobHref } from '../components/jobs/job-href'
import { createJob } from '../lib/msx/jobs'
import { PROXY_MATCHING_DISABLED, PROXY_NOT_FOUND } from '../lib/msx/proxy-matching'
import { expect, test } from './agents/fixture'
import { stopProcess } from './agents/msx-agent'
import { choose } from './choose'
import { cellOf, targetRow } from './target-rows'

// the table refreshes itself every 10 s at the most often; an action refreshes it at once
const LIVE = { timeout: 15_000 }

// each test starts, stops and restarts real agent processes and waits on the table's own refresh, several times
// over: on a busy machine that alone can take more than the default 30 s
test.describe.configure({ timeout: 90_000 })

const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test('an agent that asks without a token is enlisted from the dashboard, turns Normal, and polls when forced', async ({
  page,
  agents,
  unique,
}) => {
  const name = unique('ASK')
  const { dataDir, waiting } = await agents.askToEnlist(name)
  await page.goto(`/targets?search=${name}`)
  const row = targetRow(page, name)

  await test.step('its request waits in the panel; Enlist lets the agent collect its certificate', async () => {
    const panel = page.getByRole('region', { name: /^Pending enlistment requests/ })
    await panel.getByRole('checkbox', { name: `Select ${name}` }).check()
    await panel.getByRole('button', { name: 'Enlist', exact: true }).click()
    await expect(toast(page, `Enlisted ${name}`)).toBeVisible()
    await expect(panel.getByRole('rowheader', { name })).toHaveCount(0)
    const enlisted = await waiting.exited
    expect(enlisted.code).toBe(0)
    expect(enlisted.stdout).toContain(`Enlisted ${name} into master MSXE2E`)
  })

  await test.step('msx-agent run: the row turns Normal and Last polled shows a time', async () => {
    await agents.run(name, dataDir)
    await expect(await cellOf(page, row, 'Status')).toHaveText('Normal', LIVE)
    const lastPolled = await cellOf(page, row, 'Last polled')
    await expect(lastPolled).toHaveText(/just now|ago/, LIVE)
  })

  await test.step('Force Poll: Last polled changes within seconds, well before its 60 s long poll ends', async () => {
    const polledAt = (await cellOf(page, row, 'Last polled')).locator('time')
    await expect(polledAt).toHaveAttribute('datetime', /./)
    const before = await polledAt.getAttribute('datetime')
    await row.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Force Poll' }).click()
    await expect(toast(page, 'Asked 1 target server to poll now.')).toBeVisible()
    await expect(polledAt).not.toHaveAttribute('datetime', before ?? '', LIVE)
  })
})

test('Set polling interval posted to two of three running agents reaches those two only', async ({
  page,
  agents,
  unique,
}) => {
  // three agents to enlist and start, then waits on the table's own refresh
  test.slow()
  const site = unique('POLL')
  const [one, two, three] = await Promise.all(['A', 'B', 'C'].map((n) => agents.running(`${site}${n}`)))
  if (!one || !two || !three) throw new Error('three agents expected')
  await page.goto(`/targets?search=${site}`)
  const interval = (name: string) => cellOf(page, targetRow(page, name), 'Poll interval')
  await expect(await interval(three.name)).toHaveText(/\d/)
  const untouched = (await (await interval(three.name)).textContent()) ?? ''
  const threeBefore = agents.status(three.dataDir).pollIntervalSeconds

  await targetRow(page, one.name).getByRole('checkbox').check()
  await targetRow(page, two.name).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Post Instructions...' }).click()
  const dialog = page.getByRole('dialog', { name: 'Post Instructions' })
  await dialog.getByRole('radio', { name: /Set polling interval/ }).check()
  await expect(dialog.getByRole('radio', { name: 'Selected target servers (2)' })).toBeChecked()
  await dialog.getByLabel('Polling interval (seconds)').fill('30')
  await dialog.getByRole('button', { name: 'Post' }).click()
  await expect(toast(page, 'Posted SET-POLL to 2 target servers.')).toBeVisible()

  await expect
    .poll(() => [one, two, three].map((a) => agents.status(a.dataDir).pollIntervalSeconds), LIVE)
    .toEqual([30, 30, threeBefore])
  await expect(await interval(one.name)).toHaveText('30 s', LIVE)
  await expect(await interval(two.name)).toHaveText('30 s', LIVE)
  await expect(await interval(three.name)).toHaveText(untouched)
})

test('Force Defection removes a running target, and its agent is told at its next request', async ({
  page,
  agents,
  unique,
}) => {
  const agent = await agents.running(unique('GONE'))
  await page.goto(`/targets?search=${agent.name}`)
  const row = targetRow(page, agent.name)
  await row.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Force Defection' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Force the defection of 1 target server?' })
  await expect(confirm).toContainText(agent.name)
  // what really happens to a running agent, as the end of this test shows
  await expect(confirm).toContainText('A running agent is refused at its next request and stops')
  await confirm.getByRole('button', { name: 'Force Defection' }).click()
  await expect(row).toHaveCount(0)

  const told = await agent.run.exited
  expect(told.code).toBe(3)
  expect(told.stderr).toContain(`${agent.name} is no longer enlisted: it was force-defected on the master.`)
})

test("the two proxy errors a real agent answers are shown on Download Instructions and on the job's Targets; once the cause is fixed, Clear lets it through", async ({
  page,
  agents,
  msx,
  unique,
}) => {
  const agent = await agents.running(unique('PROXY'))
  const job = unique('needs-proxy')
  // a step that runs as a proxy, on a target that has no proxies: the agent refuses the job's INSERT
  await createJob(msx, {
    name: job,
    steps: [{ name: 'backup', kind: 'cmdexec', command: 'true', proxy: 'backup_operator' }],
    targets: { servers: [agent.name], groups: [] },
  })
  const insert = page
    .getByRole('table', { name: 'Download instructions' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: agent.name }) })
    .filter({ hasText: 'INSERT' })
  const onJobTargets = page
    .getByRole('table', { name: 'Target servers of the job' })
    .getByRole('row')
    .filter({ hasText: agent.name })
  const shownAsError = async (refusal: string) => {
    await page.goto(`/targets/instructions?target=${agent.name}`)
    await choose(page, 'Status', 'Error')
    await expect(insert.getByText(refusal)).toBeVisible(LIVE)
    await expect(insert).toContainText('Error')
    await page.goto(`${jobHref(job)}?tab=targets`)
    await expect(onJobTargets).toContainText(`Download failed: ${refusal}`)
  }
  const clearWhileStopped = async (fix: () => Promise<unknown>) => {
    await stopProcess(agent.run)
    await fix()
    await page.goto(`/targets/instructions?target=${agent.name}`)
    await choose(page, 'Status', 'Error')
    await insert.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Clear', exact: true }).click()
    await expect(toast(page, `Cleared 1 error: ${agent.name} downloads again.`)).toBeVisible()
    await expect(insert).toHaveCount(0)
    await choose(page, 'Status', 'Pending')
    await expect(insert).toContainText('Pending')
    await expect(insert).toContainText('Not yet')
    agent.run = (await agents.run(agent.name, agent.dataDir)).run
  }

  await test.step("proxy matching off: SQL Server's words, on both pages, and the job's link leads to the instruction", async () => {
    await shownAsError(PROXY_MATCHING_DISABLED)
    await onJobTargets.getByRole('link', { name: /^Instruction \d+$/ }).click()
    await expect(page).toHaveURL(/\/targets\/instructions\?/)
    await expect(insert.getByText(PROXY_MATCHING_DISABLED)).toBeVisible()
  })

  await test.step('its Connection card says it is blocked by that instruction, and leads to it', async () => {
    await page.goto(`/targets/${agent.name}`)
    const sentence = page.getByTestId('connection-sentence')
    await expect(sentence).toHaveAttribute('data-verdict', 'blocked')
    await expect(sentence).toHaveText(/^Blocked by instruction \d+: /)
    await expect(sentence).toContainText(`${PROXY_MATCHING_DISABLED} Clear or delete it, or re-synchronize.`)
    await page.getByRole('link', { name: /^Show instruction \d+ on Download Instructions$/ }).click()
    await expect(insert.getByText(PROXY_MATCHING_DISABLED)).toBeVisible()
  })

  await test.step('proxy matching on but no such proxy: Clear, and the agent answers "Proxy not found."', async () => {
    await clearWhileStopped(() => agents.command(agent.dataDir, 'allow-proxy-matching', 'on'))
    await shownAsError(PROXY_NOT_FOUND)
  })

  await test.step('the proxy added: Clear, and the agent downloads the job', async () => {
    await clearWhileStopped(() =>
      agents.command(agent.dataDir, 'proxy', 'add', 'backup_operator', '--account', os.userInfo().username),
    )
    await choose(page, 'Status', 'Downloaded')
    await expect(insert).toContainText('Downloaded', LIVE)
    await expect(insert.getByText(PROXY_NOT_FOUND)).toHaveCount(0)
    expect(agents.status(agent.dataDir).jobs.map((j) => j.name)).toContain(job)
    await page.goto(`${jobHref(job)}?tab=targets`)
    await expect(onJobTargets).toContainText('Version 1')
    await expect(onJobTargets).not.toContainText('Download failed')
  })
})

test('a token made in Enlist a target server enlists the target whose command it shows, once', async ({
  page,
  agents,
  msx,
  unique,
}) => {
  const [name, second] = [unique('TOKEN'), unique('TOKEN')]
  await page.goto(`/targets?search=${name}`)
  await page.getByRole('button', { name: 'Enlist a target server…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Enlist a target server' })
  const command = dialog.getByRole('code').filter({ hasText: 'npx msx-agent enlist' })
  await expect(command).not.toContainText('--token')

  await dialog.getByLabel('Enlistments allowed').fill('1')
  await dialog.getByRole('button', { name: 'Create enlistment token' }).click()
  const notice = dialog.getByRole('status').filter({ hasText: 'This token is shown once' })
  await expect(notice).toContainText('It enlists 1 target until')
  const tokenId = async () => {
    const id = (await notice.textContent())?.match(/Its id is (\d+)/)?.[1]
    if (!id) throw new Error(`the token's notice names no id: ${await notice.textContent()}`)
    return id
  }
  const usedUp = await tokenId()
  await dialog.getByLabel('Target server name').fill(name)
  await expect(command).toContainText(`--name ${name}`)
  await expect(command).not.toContainText('--location')
  await dialog.getByLabel('Location').fill('Rack-7')
  await expect(command).toContainText('--location Rack-7')
  await expect(command).toContainText(/--token msxe_\S+/)

  const shown = (await command.textContent()) ?? ''
  await test.step('the doctor command it shows passes every check against this master', async () => {
    const doctor = dialog.getByRole('code').filter({ hasText: 'npx msx-agent doctor' })
    await expect(doctor).toContainText(`--name ${name}`)
    const checked = await agents.shown((await doctor.textContent()) ?? '')
    expect(checked.code, checked.stdout + checked.stderr).toBe(0)
    expect(checked.stdout).toMatch(/^pass\s+CA\s+the master's CA matches sha256:/m)
    expect(checked.stdout).toContain(`${name} can enlist into MSXE2E`)
  })
  const enlisted = await agents.shown(shown)
  expect(enlisted.stdout).toContain(`Enlisted ${name} into master MSXE2E`)
  expect((await msx.db.targetServer.findUniqueOrThrow({ where: { nameKey: name } })).location).toBe('Rack-7')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(targetRow(page, name)).toBeVisible(LIVE)

  const again = await agents.shown(shown.replace(`--name ${name}`, `--name ${second}`))
  expect(again.code).toBe(1)
  expect(again.stderr).toContain('The enlistment token has been used up')

  await test.step('the dialog lists the tokens that still enlist; Revoke takes one out', async () => {
    await page.getByRole('button', { name: 'Enlist a target server…' }).click()
    await dialog.getByRole('button', { name: 'Create enlistment token' }).click()
    await expect(notice).toContainText('It enlists any number of targets')
    const id = await tokenId()
    const tokens = dialog.getByRole('table', { name: 'Tokens that still enlist' })
    const row = tokens.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id, exact: true }) })
    await expect(row).toContainText('unlimited')
    await expect(tokens.getByRole('rowheader', { name: usedUp, exact: true })).toHaveCount(0)

    await row.getByRole('button', { name: `Revoke enlistment token ${id}` }).click()
    await expect(dialog.getByRole('status').filter({ hasText: `Revoked enlistment token ${id}` })).toBeVisible()
    await expect(row).toHaveCount(0)
    const revoked = await msx.db.enlistmentToken.findUnique({ where: { id: Number(id) } })
    expect(revoked?.revokedAt).not.toBeNull()
  })
})
