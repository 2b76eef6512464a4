// How the Download Instructions tab says counts and names in its reports.
import { countOf } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'

export function deletedReport({ deleted, targets }: { deleted: number; targets: string[] }) {
  if (deleted === 0) return 'Nothing deleted: the selected instructions were deleted already.'
  return `Deleted ${countOf(deleted, 'instruction')} of ${sayNames(targets)}.`
}

export function clearedReport({ cleared, targets }: { cleared: number; targets: string[] }) {
  if (cleared === 0) return 'Nothing to clear: none of the selected instructions has an error.'
  const verb = targets.length === 1 ? 'downloads' : 'download'
  return `Cleared ${countOf(cleared, 'error')}: ${sayNames(targets)} ${verb} again.`
}
