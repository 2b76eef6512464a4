// A fresh master has no user: the first visit creates the administrator, once; then sign-in guards the dashboard.
import { expect, test } from '@playwright/test'

const ADMIN = { name: 'first-admin', password: 'a long first password' }

test('first-run setup creates the administrator once, then sign-in and sign-out guard the dashboard', async ({
  page,
}) => {
  await test.step('the first visit goes to setup, which refuses a weak password', async () => {
    await page.goto('/targets')
    await expect(page).toHaveURL(/\/setup$/)
    await page.getByLabel('Administrator name').fill(ADMIN.name)
    await page.getByLabel('Password', { exact: true }).fill('short')
    await page.getByLabel('Confirm password').fill('short')
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click()
    await expect(page.getByText('the password must have at least 12 characters')).toBeVisible()
  })

  await test.step('the page fits: its fields stay in the card at 1280 px, and it is no wider than a 390 px screen', async () => {
    const card = await page.locator('main [data-slot="card"]').boundingBox()
    const fields = [
      page.getByLabel('Administrator name'),
      page.getByLabel('Password', { exact: true }),
      page.getByLabel('Confirm password'),
      page.getByRole('button', { name: 'Copy Create the first administrator on the master' }),
    ]
    for (const field of fields) {
      const box = await field.boundingBox()
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0))
    }
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  await test.step('a strong password creates the administrator and signs in', async () => {
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
    await page.getByLabel('Confirm password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click()
    await expect(page).toHaveURL(/\/targets$/)
    await expect(page.getByTestId('signed-in-user').first()).toHaveText(ADMIN.name)
  })

  await test.step('setup is refused once done', async () => {
    await page.goto('/setup')
    await expect(page.getByText('Already set up')).toBeVisible()
    await expect(page.getByLabel('Administrator name')).toHaveCount(0)
  })

  await test.step('sign out; the dashboard then asks to sign in and keeps where you were going', async () => {
    await page.goto('/targets')
    await page.getByRole('button', { name: 'Sign out' }).first().click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await page.goto('/activity')
    await expect(page).toHaveURL(/\/sign-in\?next=%2Factivity$/)
    const read = await page.request.get('/api/targets')
    expect(read.status()).toBe(401)
  })

  await test.step('a wrong password is refused; the right one signs in', async () => {
    await page.getByLabel('User name').fill(ADMIN.name)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('status')).toHaveText('Wrong user name or password.')
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/activity$/)
    await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: 'user.sign-in' }).first()).toBeVisible()
  })
})
