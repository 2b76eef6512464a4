import { E2E_GATEWAY_PORT } from './env'
import { expect, test } from './fixtures'

test('Settings shows the master and the CA fingerprint agents enlist with', async ({ page, msx }) => {
  const master = await msx.db.masterServer.findUniqueOrThrow({ where: { id: 1 } })
  await page.goto('/settings')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Master server' })).toBeVisible()
  await expect(page.getByText('MSXE2E', { exact: true }).first()).toBeVisible()
  await expect(page.getByText(`https://127.0.0.1:${E2E_GATEWAY_PORT}`).first()).toBeVisible()
  expect(master.caFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
  await expect(page.getByText(master.caFingerprint ?? '', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Target servers' }).click()
  await expect(page).toHaveURL(/\/targets/)
})
