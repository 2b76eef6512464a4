// What each role may do on the target servers page, checked on the server: a Viewer cannot Force Defect even by
// posting the server action itself; an Operator's Force Poll lands in the activity log under their name.
import { SESSION_COOKIE } from '../lib/auth/next/cookie'
import { createSession } from '../lib/auth/sessions'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { E2E_BASE_URL } from './env'
import { expect, test } from './fixtures'
import { targetRow } from './target-rows'
import { expectTooltip } from './tooltip'

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('cannot Force Defect: the button says why, and a direct POST of the action is refused', async ({
    page,
    browser,
    msx,
    unique,
    newUser,
    user,
  }) => {
    const name = unique('KEEP')
    await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })

    await test.step('the button is disabled and says why', async () => {
      await page.goto(`/targets?search=${name}`)
      await targetRow(page, name).getByRole('checkbox').check()
      const button = page.getByRole('button', { name: /^Force Defection/ })
      await expect(button).toHaveAttribute('aria-disabled', 'true')
      await expectTooltip(page, button, 'Viewers may not force the defection of target servers')
    })

    const action = await test.step("an administrator's Force Defection request, captured and not sent", async () => {
      const admin = await newUser('administrator')
      const account = await msx.db.user.findUniqueOrThrow({ where: { nameKey: admin.name.toUpperCase() } })
      const session = await createSession(msx.db, account.id, { kind: 'browser' })
      const context = await browser.newContext({ baseURL: E2E_BASE_URL })
      await context.addCookies([{ name: SESSION_COOKIE, value: session.secret, url: E2E_BASE_URL }])
      const adminPage = await context.newPage()
      let captured: { url: string; headers: Record<string, string>; body: string } | undefined
      await adminPage.route('**/targets**', async (route) => {
        const request = route.request()
        if (request.method() === 'POST' && request.headers()['next-action']) {
          captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? '' }
          await route.abort()
        } else await route.continue()
      })
      await adminPage.goto(`/targets?search=${name}`)
      await targetRow(adminPage, name).getByRole('checkbox').check()
      await adminPage.getByRole('button', { name: 'Force Defection' }).click()
      await adminPage.getByRole('alertdialog').getByRole('button', { name: 'Force Defection' }).click()
      await expect.poll(() => captured).toBeDefined()
      await context.close()
      if (!captured) throw new Error('no server action was posted')
      return captured
    })

    await test.step('the Viewer posts it directly: refused, the target stays, the attempt is logged', async () => {
      const response = await page.request.post(action.url, {
        headers: {
          'next-action': action.headers['next-action'] ?? '',
          'next-router-state-tree': action.headers['next-router-state-tree'] ?? '',
          'content-type': action.headers['content-type'] ?? 'text/plain;charset=UTF-8',
          accept: 'text/x-component',
          origin: E2E_BASE_URL,
        },
        data: action.body,
      })
      expect(response.status()).toBeLessThan(500)
      expect(await response.text()).toContain('Viewers may not force the defection of target servers')
      expect(await msx.db.targetServer.count({ where: { nameKey: name } })).toBe(1)
      const refused = await msx.db.auditEvent.findFirst({
        where: { actor: user.name, action: 'target.defect.force', result: 'failure' },
      })
      expect(refused).not.toBeNull()
    })
  })

  test('sees the Master Server Wizard read-only, with the reason', async ({ page }) => {
    await page.goto('/wizard/checks')
    await expect(page.getByRole('list', { name: 'Checks of the master' })).toBeVisible()
    await expect(page.getByRole('note')).toHaveText(
      'You see this wizard read-only. Viewers may not run the Master Server Wizard (it sets up the MSXOperator and enlists target servers): only administrators may. Ask an administrator.',
    )
    await expect(page.getByRole('button', { name: /^Next/ })).toHaveAttribute('aria-disabled', 'true')
    await page.goto('/wizard/operator')
    await expect(page.getByText('Viewers may not change the MSXOperator or the mail server').first()).toBeVisible()
    await expect(page.getByRole('form', { name: 'MSXOperator' })).toHaveCount(0)
  })

  test('cannot open the Users page', async ({ page }) => {
    await page.goto('/users')
    await expect(page.getByRole('alert').filter({ hasText: 'Viewers may not manage users' })).toBeVisible()
  })
})

test.describe('an Operator', () => {
  test.use({ role: 'operator' })

  test('forces a poll; the activity log shows it under their name', async ({ page, msx, unique, user }) => {
    const name = unique('POLLED')
    await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })

    await page.goto(`/targets?search=${name}`)
    await targetRow(page, name).getByRole('checkbox').check()
    await expect(page.getByRole('button', { name: /^Force Defection/ })).toHaveAttribute('aria-disabled', 'true')
    await page.getByRole('button', { name: 'Force Poll' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Asked 1 target server to poll now.' })).toBeVisible()

    await page.getByRole('link', { name: 'Activity' }).click()
    await page.getByRole('searchbox', { name: 'Search activity' }).fill(name)
    await expect(page).toHaveURL(new RegExp(`[?&]search=${name}`))
    const entry = page.getByRole('row').filter({ hasText: 'target.force-poll' }).filter({ hasText: name })
    await expect(entry.getByRole('rowheader')).toHaveText(user.name)
    await expect(entry).toContainText(name)
    await expect(entry).toContainText('Success')
  })
})

test.describe('an Administrator', () => {
  test('creates a user with a role; the new user signs in with it', async ({ page, browser, unique }) => {
    const name = unique('new').toLowerCase()
    await page.goto('/users')
    await page.getByLabel('User name', { exact: true }).fill(name)
    await page.getByLabel('Password', { exact: true }).fill('another long password')
    await page.getByLabel('Role', { exact: true }).selectOption('operator')
    await page.getByRole('button', { name: 'Create user' }).click()
    await expect(page.getByRole('status').filter({ hasText: `Created ${name} (operator).` })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Operator')

    const context = await browser.newContext({ baseURL: E2E_BASE_URL })
    const other = await context.newPage()
    await other.goto('/sign-in')
    await other.getByLabel('User name').fill(name)
    await other.getByLabel('Password').fill('another long password')
    await other.getByRole('button', { name: 'Sign in' }).click()
    await expect(other).toHaveURL(/\/targets$/)
    await expect(other.getByTestId('signed-in-user').first()).toHaveText(name)
    await context.close()
  })
})
