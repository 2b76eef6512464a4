'use client'

import { useServerAction } from '@/components/forms/use-server-action'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { REFRESH_SECONDS_CHOICES, type RefreshPreferences } from '@/lib/auth/refresh-preferences'
import { saveRefreshPreferencesAction } from './refresh-actions'

const label = (seconds: number) => (seconds < 60 ? `${seconds} seconds` : `${seconds / 60} min`)

/** SSMS's "Enable auto refresh" and "Refresh every N seconds", saved for the signed-in user as they change. */
export function AutoRefresh({
  value,
  onChange,
}: {
  value: RefreshPreferences
  onChange: (value: RefreshPreferences) => void
}) {
  const { run, pending, outcome } = useServerAction()
  const error = outcome && !outcome.ok ? `Not saved: ${outcome.message}` : null
  const save = (next: RefreshPreferences) => {
    const before = value
    onChange(next)
    run(async () => {
      const result = await saveRefreshPreferencesAction(next)
      if (!result.ok) onChange(before)
      return result
    })
  }
  const choices: number[] = REFRESH_SECONDS_CHOICES.includes(value.refreshSeconds as never)
    ? [...REFRESH_SECONDS_CHOICES]
    : [...REFRESH_SECONDS_CHOICES, value.refreshSeconds].sort((a, b) => a - b)
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-busy={pending || undefined}>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={value.autoRefresh}
          onChange={(event) => save({ ...value, autoRefresh: event.target.checked })}
          className="size-4 accent-primary"
        />
        Enable auto refresh
      </label>
      <span className="flex items-center gap-2">
        <span id="refresh-every-label">Refresh every</span>
        <Select
          value={String(value.refreshSeconds)}
          onValueChange={(seconds) => save({ ...value, refreshSeconds: Number(seconds) })}
          disabled={!value.autoRefresh}
        >
          <SelectTrigger aria-labelledby="refresh-every-label" className="h-8 w-32">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {choices.map((seconds) => (
              <SelectItem key={seconds} value={String(seconds)}>
                {label(seconds)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </span>
      {error && (
        <span role="alert" className="text-destructive">
          {error}
        </span>
      )}
    </div>
  )
}
