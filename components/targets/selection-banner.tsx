'use client'

import { Button } from '@/components/ui/button'
import type { TargetSelectionState } from './use-target-selection'
import { plural } from './wording'

/** After the page's header checkbox: offers every target the filter matches, across pages, or says they are chosen. */
export function SelectionBanner({
  selection,
  pageRows,
  total,
}: {
  selection: TargetSelectionState
  /** how many rows this page shows */
  pageRows: number
  total: number
}) {
  if (!selection.canSelectAllMatching && !selection.allMatching) return null
  return (
    <div className="flex flex-wrap items-center justify-center gap-x-2 border-b bg-muted/50 px-3 py-2 text-sm">
      {selection.allMatching ? (
        <>
          <span>All {plural(total)} that match are selected.</span>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={selection.clear}>
            Clear selection
          </Button>
        </>
      ) : (
        <>
          <span>All {plural(pageRows)} on this page are selected.</span>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={selection.selectAllMatching}>
            Select all {plural(total)} that match
          </Button>
        </>
      )}
    </div>
  )
}
