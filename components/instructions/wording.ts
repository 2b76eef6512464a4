// How the Download Instructions tab says counts and names in its reports.

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** Names as a sentence says them: "BLUE01", "BLUE01 and RED02", "A, B, C and 4 more". */
export function sayNames(names: readonly string[], shown = 3): string {
  if (names.length <= 1) return names[0] ?? ''
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function deletedReport({ deleted, targets }: { deleted: number; targets: string[] }) {
  if (deleted === 0) return 'Nothing deleted: the selected instructions were deleted already.'
  return `Deleted ${plural(deleted, 'instruction')} of ${sayNames(targets)}.`
}

export function clearedReport({ cleared, targets }: { cleared: number; targets: string[] }) {
  if (cleared === 0) return 'Nothing to clear: none of the selected instructions has an error.'
  const verb = targets.length === 1 ? 'downloads' : 'download'
  return `Cleared ${plural(cleared, 'error')}: ${sayNames(targets)} ${verb} again.`
}
