// Target server groups: create, rename, add and remove members many at once, delete; the /targets group filter
// follows. A Viewer sees the groups read-only.
import type { Page } from '@playwright/test'
import { saveRefreshPreferences } from '../lib/auth/preferences'
import type { MsxContext } from '../lib/msx/context'
import { addGroupMembers, createGroup } from '../lib/msx/groups'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { expect, test } from './fixtures'

test('an Administrator creates, renames, fills, empties and deletes a group', async ({ page, msx, unique }) => {
  const [first, second] = [unique('MEMBER'), unique('MEMBER')]
  for (const name of [first, second]) await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  const [created, renamed] = [unique('Group'), unique('Renamed')]
  const status = (text: string) => page.getByRole('status').filter({ hasText: text })
  await page.goto('/targets')
  await page.getByRole('link', { name: 'Groups' }).click()
  await expect(page).toHaveURL(/\/groups$/)

  await test.step('create, and a duplicate name is refused', async () => {
    await page.getByLabel('New group').fill(created)
    await page.getByRole('button', { name: 'Create group' }).click()
    await expect(status(`Created the group ${created}.`)).toBeVisible()
    await page.getByLabel('New group').fill(created.toLowerCase())
    await page.getByRole('button', { name: 'Create group' }).click()
    await expect(status(`A target server group named "${created}" already exists.`)).toBeVisible()
  })

  await test.step('rename', async () => {
    await page.getByRole('button', { name: `Rename ${created}` }).click()
    await page.getByLabel(`New name of ${created}`).fill(renamed)
    await page.getByRole('button', { name: 'Rename', exact: true }).click()
    await expect(status(`Renamed the group ${created} to ${renamed}.`)).toBeVisible()
    await expect(page.getByRole('heading', { name: `Members of ${renamed}` })).toBeVisible()
  })

  await test.step('add two members at once', async () => {
    await page.getByRole('button', { name: 'Add members' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('searchbox', { name: 'Search target servers to add' }).fill(first.slice(0, -1))
    await dialog.getByRole('checkbox', { name: new RegExp(`^${first}`) }).check()
    await dialog.getByRole('checkbox', { name: new RegExp(`^${second}`) }).check()
    await dialog.getByRole('button', { name: 'Add 2 target servers' }).click()
    await expect(status(`Added ${first} and ${second} to ${renamed}.`)).toBeVisible()
    const groupRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: renamed }) })
    await expect(groupRow.getByRole('cell').first()).toHaveText('2')
  })

  await test.step('remove one', async () => {
    const members = page.getByRole('table', { name: `Members of ${renamed}` })
    await members.getByRole('checkbox', { name: `Select ${first}` }).check()
    await page.getByRole('button', { name: /^Remove from group/ }).click()
    await expect(status(`Removed 1 target server from ${renamed}: ${first}.`)).toBeVisible()
    await expect(members.getByRole('rowheader')).toHaveText([second])
  })

  await test.step('the group filter on /targets shows its members', async () => {
    await page.goto(`/targets?group=${encodeURIComponent(renamed)}`)
    await expect(page.getByRole('table', { name: 'Target servers' }).getByRole('rowheader')).toHaveText([second])
  })

  await test.step('delete', async () => {
    await page.goto(`/groups?group=${encodeURIComponent(renamed)}`)
    await page.getByRole('button', { name: `Delete ${renamed}` }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await expect(status(`Deleted the group ${renamed}.`)).toBeVisible()
    await expect(page.getByRole('rowheader', { name: renamed })).toHaveCount(0)
    expect(await msx.db.targetServer.count({ where: { nameKey: second } })).toBe(1)
  })
})

test.describe('a Viewer', () => {
  test.use({ role: 'viewer' })

  test('sees the groups read-only, with the reason', async ({ page, msx, unique }) => {
    const group = unique('Seen')
    await createGroup(msx, group)
    await page.goto(`/groups?group=${group}`)
    await expect(page.getByRole('note')).toContainText('Viewers may not change target server groups')
    await expect(page.getByRole('button', { name: /^Create group/ })).toHaveAttribute('aria-disabled', 'true')
    await expect(page.getByRole('button', { name: /^Add members/ })).toHaveAttribute('aria-disabled', 'true')
    await expect(page.getByRole('button', { name: new RegExp(`^Delete ${group}`) })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  })
})

test.describe('the auto refresh setting', () => {
  /**
   * Opens an empty group whose page watches its own reads, then, elsewhere, adds a group and a member to it and
   * lets a minute pass on the browser's clock (as if the tab stayed open that long). The clock moves only once
   * the page is interactive, so the minute cannot pass before the lists have mounted.
   */
  async function aMinuteAfterAChange(page: Page, msx: MsxContext, unique: (prefix: string) => string) {
    const [group, member, added] = [unique('Watched'), unique('JOINER'), unique('Added')]
    await enlistTarget(msx, { name: member, agentVersion: MASTER_VERSION })
    await createGroup(msx, group)
    const reads: string[] = []
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path === '/api/groups' || path === '/api/targets') reads.push(path)
    })
    await page.clock.install()
    await page.goto(`/groups?group=${encodeURIComponent(group)}`)
    await expect(page.getByText(`${group} has no members yet.`)).toBeVisible()
    const name = page.getByLabel('New group')
    await expect(async () => {
      await name.fill('typed')
      await expect(page.getByRole('button', { name: 'Create group' })).toBeEnabled({ timeout: 500 })
    }).toPass()
    await name.fill('')

    await createGroup(msx, added)
    await addGroupMembers(msx, group, [member])
    await page.clock.runFor('01:00')
    const shown = {
      added: page.getByRole('rowheader', { name: added }),
      members: page.getByRole('table', { name: `Members of ${group}` }).getByRole('rowheader'),
      noMembers: page.getByText(`${group} has no members yet.`),
    }
    return { member, reads, shown }
  }

  test('on: a group and a member added elsewhere show at the next refresh', async ({ page, msx, unique }) => {
    const { member, reads, shown } = await aMinuteAfterAChange(page, msx, unique)
    await expect(shown.added).toBeVisible()
    await expect(shown.members).toHaveText([member])
    expect(reads).toContain('/api/groups')
    expect(reads).toContain('/api/targets')
  })

  test('off: the groups and their members stay as they were until a reload', async ({ page, msx, unique, user }) => {
    const account = await msx.db.user.findUniqueOrThrow({ where: { nameKey: user.name.toUpperCase() } })
    await saveRefreshPreferences(msx, account.id, { autoRefresh: false, refreshSeconds: 10 })
    const { member, reads, shown } = await aMinuteAfterAChange(page, msx, unique)
    // a read the page makes after the minute: any refresh the minute started was requested before it
    await page.evaluate(() => fetch('/api/health'))
    expect(reads).toEqual([])
    await expect(shown.added).toHaveCount(0)
    await expect(shown.noMembers).toBeVisible()

    await page.reload()
    await expect(shown.added).toBeVisible()
    await expect(shown.members).toHaveText([member])
  })
})
