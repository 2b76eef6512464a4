'use client'

import { targetServers } from '@/components/format/counts'
import { useDateLocale } from '@/components/format/date-locale'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { targetWallClock } from '@/lib/format/dates'
import { formatPollInterval } from './format'
import type { ChosenTarget } from './use-target-selection'

export type RecipientKind = 'all' | 'group' | 'selected'

const MAX_LISTED = 200

function ChosenList({ rows }: { rows: ChosenTarget[] }) {
  const locale = useDateLocale()
  const shown = rows.slice(0, MAX_LISTED)
  return (
    <div className="max-h-48 overflow-y-auto rounded-md border">
      <table className="w-full text-sm" aria-label="Chosen target servers">
        <thead className="sticky top-0 bg-muted text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-2 py-1 font-medium">Target server</th>
            <th className="px-2 py-1 font-medium">Local time</th>
            <th className="px-2 py-1 text-right font-medium">Polling interval</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.name} className="border-t">
              <td className="px-2 py-1 font-mono text-[13px]">{row.name}</td>
              <td className="px-2 py-1 tabular-nums">
                {row.localTime ? targetWallClock(locale, row.localTime, row.timeZoneOffsetMinutes).short : '—'}
              </td>
              <td className="px-2 py-1 text-right tabular-nums">{formatPollInterval(row.pollIntervalSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <p className="border-t px-2 py-1 text-xs text-muted-foreground">
          and {targetServers(rows.length - shown.length)} more
        </p>
      )}
    </div>
  )
}

/** Who receives the instruction: every target server, one group's members, or the targets selected in the list. */
export function RecipientsField({
  kind,
  onKind,
  group,
  onGroup,
  groups,
  selectedCount,
  allMatching,
  chosenRows,
}: {
  kind: RecipientKind
  onKind: (kind: RecipientKind) => void
  group: string
  onGroup: (group: string) => void
  groups: string[]
  selectedCount: number
  allMatching: boolean
  chosenRows: ChosenTarget[]
}) {
  const option = (value: RecipientKind, label: string, disabled = false) => (
    <label className="flex items-center gap-2 text-sm has-disabled:opacity-60">
      <input
        type="radio"
        name="recipients"
        value={value}
        checked={kind === value}
        disabled={disabled}
        onChange={() => onKind(value)}
        className="size-4 accent-primary"
      />
      {label}
    </label>
  )
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium">Recipients</legend>
      {option('all', 'All target servers')}
      {option('group', 'Target server group', groups.length === 0)}
      {kind === 'group' && (
        <Select value={group} onValueChange={onGroup}>
          <SelectTrigger aria-label="Target server group" className="ml-6 w-60">
            <SelectValue placeholder="Choose a group" />
          </SelectTrigger>
          <SelectContent>
            {groups.map((name) => (
              <SelectItem key={name} value={name}>
                {name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
      {option('selected', `Selected target servers (${selectedCount.toLocaleString('en-US')})`, selectedCount === 0)}
      {kind === 'selected' &&
        (allMatching ? (
          <p className="ml-6 text-sm text-muted-foreground">
            All {targetServers(selectedCount)} that match the list's filter.
          </p>
        ) : (
          <div className="ml-6">
            <ChosenList rows={chosenRows} />
          </div>
        ))}
    </fieldset>
  )
}
