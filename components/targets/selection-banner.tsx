'use client'

import { targetServers } from '@/components/format/counts'
import { Button } from '@/components/ui/button'
import type { TargetSelectionState } from './use-target-selection'

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
          <span>All {targetServers(total)} that match are selected.</span>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={selection.clear}>
            Clear selection
          </Button>
        </>
      ) : (
        <>
          <span>All {targetServers(pageRows)} on this page are selected.</span>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={selection.selectAllMatching}>
            Select all {targetServers(total)} that match
          </Button>
        </>
      )}
    </div>
  )
}
