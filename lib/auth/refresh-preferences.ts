// The choices for how the live lists refresh, shared by the browser's controls and the server's check.
import { z } from 'zod'

export const REFRESH_SECONDS_CHOICES = [10, 15, 30, 60, 120, 300, 600] as const
export const MIN_REFRESH_SECONDS = 10
export const MAX_REFRESH_SECONDS = 3600
/** What a user who has not chosen gets: the live views refresh every 10 seconds. */
export const DEFAULT_REFRESH_PREFERENCES = { autoRefresh: true, refreshSeconds: 10 } as const

export const refreshPreferencesSchema = z.object({
  autoRefresh: z.boolean({ error: 'auto refresh is on (true) or off (false)' }),
  refreshSeconds: z
    .number({ error: 'the refresh interval is a number of seconds' })
    .int('the refresh interval is a whole number of seconds')
    .min(MIN_REFRESH_SECONDS, `refresh at most every ${MIN_REFRESH_SECONDS} seconds`)
    .max(MAX_REFRESH_SECONDS, `refresh at least every ${MAX_REFRESH_SECONDS.toLocaleString('en-US')} seconds`),
})
export type RefreshPreferences = z.output<typeof refreshPreferencesSchema>
