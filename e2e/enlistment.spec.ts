// Pending enlistment requests on Manage Target Servers: a target that asked without a token is enlisted or
// rejected from the dashboard; a Viewer sees why they may not.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { extract } from 'tar'
import { submitEnlistmentRequest } from '../lib/msx/enlistment-requests'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'
import { expectTooltip } from './tooltip'

const ask = (db: Parameters<typeof submitEnlistmentRequest>[0], name: string, agentVersion = MASTER_VERSION) =>
  submitEnlistmentRequest(db, {
    name,
    location: 'Rack 7',
    agentVersion,
    keyFingerprint: `sha256:${Buffer.from(name).toString('hex').padEnd(64, 'a').slice(0, 64)}`,
    sourceAddress: '10.1.2.3',
  })

const panel = (page: Page) => page.getByRole('region', { name: /^Pending enlistment requests/ })

test.describe('an Operator', () => {
  test.use({ role: 'operator' })

  test('enlists one request and rejects another with a reason', async ({ page, msx, unique }) => {
    const [enlisted, rejected] = [unique('BLUE'), unique('BLUE')]
    await ask(msx.db, enlisted)
    await ask(msx.db, rejected)
    await page.goto(`/targets?search=${enlisted}`)

    await test.step('the request shows what the agent sent', async () => {
      const row = panel(page)
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: enlisted }) })
      await expect(row).toContainText('Rack 7')
      await expect(row).toContainText('10.1.2.3')
      await expect(row).toContainText(MASTER_VERSION)
      await expect(row.getByRole('button', { name: `Copy the key fingerprint of ${enlisted}` })).toBeVisible()
    })

    await test.step('Enlist: it joins the targets table, pending enlistment', async () => {
      await panel(page)
        .getByRole('checkbox', { name: `Select ${enlisted}` })
        .check()
      await panel(page).getByRole('button', { name: 'Enlist', exact: true }).click()
      await expect(
        page.getByRole('status').filter({
          hasText: `Enlisted ${enlisted}: pending until its agent collects its certificate.`,
        }),
      ).toBeVisible()
      const target = page.getByRole('table', { name: 'Target servers' }).getByRole('row').filter({ hasText: enlisted })
      await expect(target).toContainText('Pending enlistment')
      await expect(panel(page).getByRole('rowheader', { name: enlisted })).toHaveCount(0)
    })

    await test.step('Reject with a reason: the request leaves, the reason is kept for the agent', async () => {
      await panel(page)
        .getByRole('checkbox', { name: `Select ${rejected}` })
        .check()
      await panel(page).getByRole('button', { name: 'Reject', exact: true }).click()
      const dialog = page.getByRole('alertdialog')
      await dialog.getByLabel('Reason (optional)').fill('Unknown host')
      await dialog.getByRole('button', { name: 'Reject' }).click()
      await expect(page.getByRole('status').filter({ hasText: `Rejected ${rejected}` })).toContainText('Unknown host')
      await expect(page.getByRole('rowheader', { name: rejected })).toHaveCount(0)
      const request = await msx.db.enlistmentRequest.findFirst({ where: { name: rejected } })
      expect(request).toMatchObject({ state: 'REJECTED', reason: 'Unknown host' })
    })
  })
})

test.describe('an Operator making an agent package', () => {
  test.use({ role: 'operator' })

  test('downloads a tar package from Enlist a target server: a gzip tar with the gateway in etc/agent.json', async ({
    page,
    msx,
  }) => {
    await page.goto('/targets')
    await page.getByRole('button', { name: 'Enlist a target server…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Enlist a target server' })
    const command = await dialog.getByRole('code').filter({ hasText: 'npx msx-agent enlist' }).textContent()
    const gatewayUrl = command?.match(/--master (\S+)/)?.[1]
    expect(gatewayUrl).toMatch(/^https:\/\//)
    await dialog.getByLabel('Package').selectOption('tar')
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Download agent package' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('msx-agent.tar.gz')
    const where = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-e2e-package-'))
    const file = path.join(where, download.suggestedFilename())
    await download.saveAs(file)
    expect([...fs.readFileSync(file).subarray(0, 2)]).toEqual([0x1f, 0x8b])
    await extract({ file, cwd: where })
    const config = JSON.parse(fs.readFileSync(path.join(where, 'msx-agent', 'etc', 'agent.json'), 'utf8'))
    expect(config.gatewayUrl).toBe(gatewayUrl)
    await expect(dialog.getByRole('status').filter({ hasText: 'Made msx-agent.tar.gz' })).toBeVisible()
    const audited = await msx.db.auditEvent.findFirst({
      where: { action: 'agent-package.create' },
      orderBy: { id: 'desc' },
    })
    expect(audited).not.toBeNull()
    fs.rmSync(where, { recursive: true, force: true })
  })
})

test.describe('an Operator deciding on an agent the master does not accept', () => {
  test.use({ role: 'operator' })

  test('sees Cannot enlist with the reason before choosing Enlist, which refuses it', async ({ page, msx, unique }) => {
    const name = unique('NEWER')
    await ask(msx.db, name, '9.0.0')
    const reason = `${name} runs agent version 9.0.0, which is newer than the master`
    await page.goto(`/targets?search=${name}`)
    const badge = panel(page).getByRole('button', { name: /^Cannot enlist/ })
    await expect(badge).toBeVisible()
    await expectTooltip(page, badge, reason)

    await panel(page)
      .getByRole('checkbox', { name: `Select ${name}` })
      .check()
    await panel(page).getByRole('button', { name: 'Enlist', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: reason })).toContainText('Upgrade the master first.')
    await expect(panel(page).getByRole('rowheader', { name })).toHaveCount(1)

    // no other test's Enlist of every request may meet it
    await panel(page).getByRole('button', { name: 'Reject', exact: true }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reject' }).click()
    await expect(panel(page).getByRole('rowheader', { name })).toHaveCount(0)
  })
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('sees the requests with Enlist and Reject disabled, saying why', async ({ page, msx, unique }) => {
    const name = unique('ASKING')
    await ask(msx.db, name)
    await page.goto('/targets')
    await panel(page)
      .getByRole('checkbox', { name: `Select ${name}` })
      .check()
    for (const label of ['Enlist', 'Reject']) {
      const button = panel(page).getByRole('button', { name: new RegExp(`^${label}`) })
      await expect(button).toHaveAttribute('aria-disabled', 'true')
      await expectTooltip(page, button, 'Viewers may not enlist or reject target servers')
    }
    // an enabled Reject opens its dialog as the click is handled: a disabled one, clicked anyway, opens nothing
    await panel(page)
      .getByRole('button', { name: /^Reject/ })
      .click({ force: true })
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })

  test('sees Download agent package disabled, saying why', async ({ page }) => {
    await page.goto('/targets')
    await page.getByRole('button', { name: 'Enlist a target server…' }).click()
    const button = page.getByRole('dialog').getByRole('button', { name: /^Download agent package/ })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expectTooltip(page, button, 'Viewers may not create enlistment tokens')
  })
})
