// Dates read one way across the dashboard, in the browser's locale: the lists' dates and their date filters alike,
// while the filters' URLs keep ISO instants.
import type { Page } from '@playwright/test'
import { acknowledgeInstructions } from '../lib/msx/instructions'
import { postOperation } from '../lib/msx/post-operation'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { dateFilter, openCalendar } from './date-picker'
import { expect, test } from './fixtures'

// noon UTC, so 1 December in the time zone the browser and these tests share, whichever it is
const DEC_1 = new Date('2026-12-01T12:00:00Z')
/** The instant a day of the (shared) local calendar begins: what a date filter puts in the URL. */
const startOfLocalDay = (month: number, day: number) => new Date(2026, month, day).toISOString()

/** A target with one downloaded instruction and its enlistment in the activity log, both of 1 December 2026. */
async function seedFirstOfDecember(msx: Parameters<typeof enlistTarget>[0], name: string) {
  const target = await enlistTarget(msx, { name, agentVersion: MASTER_VERSION })
  await postOperation(msx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
  const instruction = await msx.db.downloadInstruction.findFirstOrThrow({ where: { targetId: target.id } })
  await acknowledgeInstructions(msx.db, target.id, [{ id: instruction.id, ok: true }])
  await msx.db.downloadInstruction.updateMany({ where: { targetId: target.id }, data: { datePosted: DEC_1 } })
  await msx.db.auditEvent.updateMany({ where: { objectName: name }, data: { at: DEC_1 } })
}

const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name)

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('Activity shows its entries and its date range as "1. Dez. 2026", and the range still filters', async ({
    page,
    msx,
    unique,
  }) => {
    const name = unique('DATUM')
    await seedFirstOfDecember(msx, name)

    await page.goto(`/activity?target=${name}&from=${encodeURIComponent(startOfLocalDay(10, 30))}`)
    const entry = page.getByRole('row').filter({ hasText: 'target.enlist' })
    await expect(entry).toContainText('1. Dez. 2026')
    await expect(dateFilter(page, 'From date')).toHaveText('30. Nov. 2026')

    const calendar = await openCalendar(page, 'From date')
    await expect(calendar.getByRole('columnheader').first()).toHaveText('Mo')
    await calendar.getByRole('button', { name: 'Mittwoch, 2. Dezember 2026' }).click()
    await expect(calendar).toBeHidden()
    await expect(dateFilter(page, 'From date')).toHaveText('2. Dez. 2026')
    await expect.poll(() => searchParam(page, 'from')).toBe(startOfLocalDay(11, 2))
    await expect(page.getByRole('heading', { name: 'No activity matches' })).toBeVisible()

    // back a day, from the keyboard: the calendar opens on the chosen day
    await expect(
      (await openCalendar(page, 'From date')).getByRole('button', { name: 'Mittwoch, 2. Dezember 2026' }),
    ).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect(dateFilter(page, 'From date')).toHaveText('1. Dez. 2026')
    await expect(entry).toContainText('1. Dez. 2026')

    const ending = await openCalendar(page, 'To date')
    // a range cannot end before it begins
    await expect(ending.getByRole('button', { name: 'Montag, 30. November 2026' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await ending.getByRole('button', { name: 'Dienstag, 1. Dezember 2026' }).click()
    await expect(dateFilter(page, 'To date')).toHaveText('1. Dez. 2026')
    await expect.poll(() => searchParam(page, 'to')).toBe(new Date(2026, 11, 1, 23, 59, 59, 999).toISOString())
    await expect(entry).toContainText('1. Dez. 2026')
  })

  test('Download Instructions shows its dates and "Posted after" as "1. Dez. 2026", and the filter still filters', async ({
    page,
    msx,
    unique,
  }) => {
    const name = unique('DATUM')
    await seedFirstOfDecember(msx, name)

    await page.goto(`/targets/instructions?target=${name}&postedAfter=${encodeURIComponent(startOfLocalDay(10, 30))}`)
    const row = page.getByRole('table', { name: 'Download instructions' }).getByRole('row').filter({ hasText: name })
    await expect(row).toContainText('1. Dez. 2026')
    await expect(dateFilter(page, 'Posted after')).toHaveText('30. Nov. 2026')

    await (await openCalendar(page, 'Posted after')).getByRole('button', { name: 'Mittwoch, 2. Dezember 2026' }).click()
    await expect(dateFilter(page, 'Posted after')).toHaveText('2. Dez. 2026')
    await expect.poll(() => searchParam(page, 'postedAfter')).toBe(startOfLocalDay(11, 2))
    await expect(page.getByRole('heading', { name: 'No instructions match' })).toBeVisible()

    await (await openCalendar(page, 'Posted after')).getByRole('button', { name: 'Clear' }).click()
    await expect(dateFilter(page, 'Posted after')).toHaveText('Any day')
    await expect(page).not.toHaveURL(/[?&]postedAfter=/)
    await expect(row).toContainText('1. Dez. 2026')
  })
})

test.describe('in American English', () => {
  test.use({ locale: 'en-US' })

  test('Download Instructions writes "Dec 1, 2026", in its list and its filter, with weeks from Sunday', async ({
    page,
    msx,
    unique,
  }) => {
    const name = unique('DATE')
    await seedFirstOfDecember(msx, name)

    await page.goto(`/targets/instructions?target=${name}&postedAfter=${encodeURIComponent(startOfLocalDay(10, 30))}`)
    const row = page.getByRole('table', { name: 'Download instructions' }).getByRole('row').filter({ hasText: name })
    await expect(row).toContainText('Dec 1, 2026')
    await expect(dateFilter(page, 'Posted after')).toHaveText('Nov 30, 2026')
    const calendar = await openCalendar(page, 'Posted after')
    await expect(calendar.getByRole('columnheader').first()).toHaveText('Sun')
    await expect(calendar.getByRole('button', { name: 'Monday, November 30, 2026' })).toBeFocused()
  })
})
