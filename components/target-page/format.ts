// How the target page shows what the lists do not.

const ENCRYPTION_MODE_LABELS: Record<string, string> = {
  strict: 'TLS, master certificate validated',
  'no-verify': 'TLS, master certificate not validated',
  off: 'Not encrypted (loopback lab only)',
}

export function formatEncryptionMode(mode: string): string {
  return ENCRYPTION_MODE_LABELS[mode] ?? mode
}

/** 850 ms, 12.5 s, 3 min 20 s, 2 h 5 min */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—'
  if (ms < 1000) return `${ms} ms`
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
