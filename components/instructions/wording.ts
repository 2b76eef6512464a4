// How the Download Instructions tab says counts and names in its reports.
import { sayNames } from '@/components/format/names'

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

export function deletedReport({ deleted, targets }: { deleted: number; targets: string[] }) {
  if (deleted === 0) return 'Nothing deleted: the selected instructions were deleted already.'
  return `Deleted ${plural(deleted, 'instruction')} of ${sayNames(targets)}.`
}

export function clearedReport({ cleared, targets }: { cleared: number; targets: string[] }) {
  if (cleared === 0) return 'Nothing to clear: none of the selected instructions has an error.'
  const verb = targets.length === 1 ? 'downloads' : 'download'
  return `Cleared ${plural(cleared, 'error')}: ${sayNames(targets)} ${verb} again.`
}
