import { describe, expect, it } from 'vitest'
import { testDatabase } from '../../test/support/fixtures'
import { refreshPreferences, saveRefreshPreferences } from './preferences'
import { createUser } from './users'

const t = testDatabase()

describe("a user's auto-refresh preference", () => {
  it('is on, every 10 seconds, until the user changes it; a change is kept and logged', async () => {
    const user = await createUser(t.ctx, {
      name: 'refresh-me',
      role: 'viewer',
      password: 'correct horse battery staple',
    })
    expect(await refreshPreferences(t.ctx.db, user.id)).toEqual({ autoRefresh: true, refreshSeconds: 10 })
    await saveRefreshPreferences(t.ctx, user.id, { autoRefresh: false, refreshSeconds: 60 })
    expect(await refreshPreferences(t.ctx.db, user.id)).toEqual({ autoRefresh: false, refreshSeconds: 60 })
    const event = await t.ctx.db.auditEvent.findFirst({
      where: { action: 'user.preferences' },
      orderBy: { id: 'desc' },
    })
    expect(event?.objectName).toBe('refresh-me')
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ autoRefresh: false, refreshSeconds: 60 })
  })

  it('refuses an interval out of range, saying the range', async () => {
    const user = await createUser(t.ctx, {
      name: 'refresh-bad',
      role: 'viewer',
      password: 'correct horse battery staple',
    })
    await expect(saveRefreshPreferences(t.ctx, user.id, { autoRefresh: true, refreshSeconds: 2 })).rejects.toThrow(
      'refresh at most every 10 seconds',
    )
    expect(await refreshPreferences(t.ctx.db, user.id)).toEqual({ autoRefresh: true, refreshSeconds: 10 })
  })
})
