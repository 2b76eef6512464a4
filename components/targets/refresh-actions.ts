'use server'

import { authedAction } from '@/lib/auth/next/action'
import { saveRefreshPreferences } from '@/lib/auth/preferences'
import { refreshPreferencesSchema } from '@/lib/auth/refresh-preferences'

export const saveRefreshPreferencesAction = authedAction({
  permission: 'self.manage',
  audit: 'user.preferences',
  stale: [],
  input: refreshPreferencesSchema,
  run: async (ctx, input, who) => {
    const saved = await saveRefreshPreferences(ctx, who.user.id, input)
    return {
      data: saved,
      message: saved.autoRefresh ? `Refreshes every ${saved.refreshSeconds} s.` : 'Auto refresh is off.',
    }
  },
})
