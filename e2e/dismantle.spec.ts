// Dismantling the multiserver configuration from Settings with real msx-agent processes: refused while targets
// are enlisted (naming them), Defect all, the agents defecting, the master dismantled, a new enlistment refused,
// and the Master Server Wizard making it a master server again. It runs alone, last (project "dismantle"): a
// dismantled master would refuse every other test's agents.
import type { Page } from '@playwright/test'
import { createEnlistmentToken } from '../lib/msx/enlistment-tokens'
import { makeMaster, readMaster } from '../lib/msx/master'
import { defectTarget } from '../lib/msx/targets'
import { expect, test } from './agents/fixture'
import { agentDataDir, caFingerprint, GATEWAY_URL, msxAgent } from './agents/msx-agent'

// real agents poll, download DEFECT and leave: on a busy machine that takes more than the default 30 s
test.describe.configure({ timeout: 120_000 })

// an agent downloads DEFECT at once (the post wakes its long poll), then tells the master it has defected
const DEFECTED = { timeout: 60_000 }

test.afterAll(async ({ msx }) => {
  // leave the master as it was, for a run that goes on after this project
  if ((await readMaster(msx.db))?.dismantledAt) await makeMaster(msx)
})

async function confirm(page: Page, button: string, title: RegExp, says: string) {
  await page.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible()
  await expect(dialog).toContainText(says)
  await dialog.getByRole('button', { name: button.replace('…', ''), exact: true }).click()
}

test('an administrator dismantles the master once Defect all has emptied it; a new enlistment is refused', async ({
  page,
  msx,
  agents,
  unique,
}) => {
  // targets earlier projects left behind (seeded rows without agents) go first: this test needs only its own
  for (const left of await msx.db.targetServer.findMany()) await defectTarget(msx, left.name, { force: true })
  const [first, second] = [unique('DISA'), unique('DISB')]
  const running = [await agents.running(first), await agents.running(second)]
  const token = await createEnlistmentToken(msx, { uses: 1, expiresInSeconds: 3600 })

  await test.step("a target's page says how a target server is renamed", async () => {
    await page.goto(`/targets/${first}`)
    await expect(
      page.getByText('A target server is renamed by defecting it, renaming the server, and enlisting it again.'),
    ).toBeVisible()
  })

  await page.goto('/settings')
  const card = page.locator('[data-slot="card"]').filter({ hasText: 'Multiserver configuration' })
  await expect(card).toContainText('MSXE2E is a master server since')

  await test.step('Dismantle asks first, then is refused inline, naming the enlisted targets', async () => {
    await confirm(
      page,
      'Dismantle…',
      /^Dismantle the multiserver configuration of MSXE2E\?$/,
      'revokes every enlistment token',
    )
    await expect(card.getByRole('status').first()).toContainText(
      `Cannot dismantle MSXE2E: 2 target servers are still enlisted (${[first, second].sort().join(', ')})`,
    )
  })

  await test.step('Defect all: both agents defect and stop, and their targets leave', async () => {
    await confirm(
      page,
      'Defect all',
      /^Defect all 2 target servers\?$/,
      'Agents that are offline leave when they next poll',
    )
    await expect(card).toContainText('Posted DEFECT to 2 target servers')
    for (const agent of running) {
      const stopped = await agent.run.exited
      expect(stopped.code, stopped.stdout + stopped.stderr).toBe(0)
    }
    await expect.poll(() => msx.db.targetServer.count(), DEFECTED).toBe(0)
  })

  await test.step('Dismantle again: dismantled, and Settings offers to make it a master server again', async () => {
    await confirm(
      page,
      'Dismantle…',
      /^Dismantle the multiserver configuration of MSXE2E\?$/,
      'Job history and the activity log are kept',
    )
    await expect(card).toContainText('Dismantled the multiserver configuration of MSXE2E')
    await expect(card).toContainText('Dismantled on')
    await expect(card.getByRole('link', { name: 'Make this a master server again' })).toHaveAttribute('href', '/wizard')
  })

  await test.step('an agent enlisting with a token from before is refused, told why and what to do', async () => {
    const late = unique('DISC')
    const enlist = msxAgent(agentDataDir(late), [
      'enlist',
      '--master',
      GATEWAY_URL,
      '--name',
      late,
      '--token',
      token.secret,
      '--ca-fingerprint',
      await caFingerprint(msx.db),
    ])
    const refused = await enlist.exited
    expect(refused.code).not.toBe(0)
    expect(refused.stdout + refused.stderr).toMatch(
      /The multiserver configuration of MSXE2E was dismantled on .+ UTC: an administrator can make it a master server again in the Master Server Wizard \(\/wizard\)\./,
    )
    expect(await msx.db.targetServer.count()).toBe(0)
  })

  await test.step('the Master Server Wizard makes it a master server again', async () => {
    await page.getByRole('link', { name: 'Make this a master server again' }).click()
    await expect(page).toHaveURL(/\/wizard\/checks$/)
    await expect(page.getByRole('heading', { name: 'MSXE2E is not a master server now' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled()
    await page.getByRole('button', { name: 'Make MSXE2E a master server' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'MSXE2E is a master server again' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'MSXE2E is not a master server now' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Step 2 of 5: Master Server Operator' })).toBeVisible()
    expect((await readMaster(msx.db))?.dismantledAt).toBeNull()
  })
})
