// An activity entry's details are stored as JSON; shown as "key: value" pairs, changes as "from → to".

// every name of a bulk change, kept for filtering by target and for the export; the entry already summarises it
const HIDDEN = new Set(['targetNames'])

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.map(show).join(', ')
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('from' in record && 'to' in record) return `${show(record.from)} → ${show(record.to)}`
    return Object.entries(record)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ')
  }
  return String(value)
}

export function describeDetails(details: string): string {
  if (!details) return ''
  try {
    const parsed: unknown = JSON.parse(details)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return Object.entries(parsed as Record<string, unknown>)
        .filter(([key]) => !HIDDEN.has(key))
        .map(([key, value]) => `${key}: ${show(value)}`)
        .join(' · ')
    return show(parsed)
  } catch {
    return details
  }
}
