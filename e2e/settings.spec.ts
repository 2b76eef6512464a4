// Settings: the master and the CA fingerprint agents enlist with; an administrator renames the master and sets
// the polling interval new targets get (audited, seen by the running gateway); other roles read why they cannot.
import { updateMasterSettings } from '../lib/msx/master-settings'
import { expect, test } from './agents/fixture'
import { E2E_GATEWAY_PORT } from './env'

// other specs run beside this one on the same master: they look for a name starting "MSXE2E", and each change
// made here is undone at the end of its test
const INTERVAL_ERROR = 'Enter a whole number of seconds from 10 to 28,800.'

test('Settings shows the master and the CA fingerprint agents enlist with', async ({ page, msx }) => {
  const master = await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })
  await page.goto('/settings')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Master server', exact: true })).toBeVisible()
  await expect(page.getByText('MSXE2E', { exact: true }).first()).toBeVisible()
  await expect(page.getByText(`https://127.0.0.1:${E2E_GATEWAY_PORT}`).first()).toBeVisible()
  expect(master.caFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
  await expect(page.getByText(master.caFingerprint ?? '', { exact: true })).toBeVisible()
  await expect(page.getByText('MSX_GATEWAY_HOST and MSX_GATEWAY_PORT')).toBeVisible()
  await expect(page.getByText('MSX_AUDIT_RETENTION_DAYS')).toBeVisible()
  await page.getByRole('link', { name: 'Target servers' }).click()
  await expect(page).toHaveURL(/\/targets/)
})

test('an administrator renames the master and sets the default polling interval: audited, and the next target gets it', async ({
  page,
  msx,
  agents,
  unique,
}) => {
  const before = await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })
  const name = `MSXE2E-${unique('R')}`
  const interval = before.defaultPollIntervalSeconds === 75 ? 76 : 75
  try {
    await test.step('the form saves both and says what they change', async () => {
      await page.goto('/settings')
      const form = page.getByRole('form', { name: 'Master server settings' })
      await expect(form.getByLabel('Master server name')).toHaveAccessibleDescription(/MSX_MASTER_NAME/)
      await form.getByLabel('Master server name').fill(name)
      await form.getByLabel('Default polling interval (seconds)').fill(String(interval))
      await form.getByRole('button', { name: 'Save settings' }).click()
      await expect(form.getByRole('status')).toHaveText(
        `Renamed the master server from ${before.name} to ${name}; target servers keep polling it under the new name. ` +
          `Target servers enlisted from now on poll every ${interval} s (was ${before.defaultPollIntervalSeconds} s); ` +
          'those enlisted already keep theirs: change them with Set polling interval (SET-POLL) in Post Instructions.',
      )
      // the console's frame shows the new name without a reload
      await expect(page.getByTitle(name, { exact: true })).toBeVisible()
    })

    await test.step('an agent enlisted now gets the new interval and the new name from the running gateway', async () => {
      const target = unique('AFTER')
      const dataDir = await agents.enlist(target)
      expect(agents.status(dataDir)).toMatchObject({ master: { name }, pollIntervalSeconds: interval })
      const row = await msx.db.targetServer.findUniqueOrThrow({ where: { nameKey: target } })
      expect(row.pollIntervalSeconds).toBe(interval)
    })

    await test.step('Activity shows the change with its old and new values', async () => {
      await page.goto(`/activity?search=${name}`)
      const entry = page.getByRole('row').filter({ hasText: 'master.update' })
      await expect(entry).toHaveCount(1)
      await expect(entry).toContainText(`name: ${before.name} → ${name}`)
      await expect(entry).toContainText(
        `defaultPollIntervalSeconds: ${before.defaultPollIntervalSeconds} → ${interval}`,
      )
    })
  } finally {
    await updateMasterSettings(msx, {
      name: before.name,
      defaultPollIntervalSeconds: before.defaultPollIntervalSeconds,
    })
  }
})

test('an interval out of range is refused with the range at the field, and nothing is saved', async ({
  page,
  msx,
  user,
}) => {
  const before = await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })
  await page.goto('/settings')
  const form = page.getByRole('form', { name: 'Master server settings' })
  const field = form.getByLabel('Default polling interval (seconds)')
  await field.fill('5')
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(form.getByText(INTERVAL_ERROR)).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(`^${INTERVAL_ERROR.replaceAll('.', '\\.')}`))
  await expect(field).toHaveValue('5')
  expect(await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
    name: before.name,
    defaultPollIntervalSeconds: before.defaultPollIntervalSeconds,
  })
  expect(await msx.db.auditEvent.count({ where: { actor: user.name, action: 'master.update' } })).toBe(0)
})

for (const role of ['operator', 'viewer'] as const)
  test.describe(role === 'operator' ? 'an Operator' : 'a Viewer', () => {
    test.use({ role })

    test('reads the name and the default polling interval, and why they cannot change them', async ({ page, msx }) => {
      const master = await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })
      await page.goto('/settings')
      await expect(page.getByRole('form', { name: 'Master server settings' })).toHaveCount(0)
      await expect(page.getByRole('textbox')).toHaveCount(0)
      await expect(page.getByRole('spinbutton')).toHaveCount(0)
      await expect(page.getByTestId('settings-refusal')).toHaveText(
        /may not change the master server's name and default polling interval: only administrators may/,
      )
      const value = (term: string) => page.locator(`div:has(> dt:text-is("${term}")) > dd`)
      await expect(value('Name')).toContainText(master.name)
      await expect(value('Default polling interval')).toContainText(`${master.defaultPollIntervalSeconds} s`)
      await expect(value('Default polling interval')).toContainText('Applies to target servers enlisted from now on')
    })
  })
