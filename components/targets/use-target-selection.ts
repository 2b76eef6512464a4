'use client'

import { useState } from 'react'
import type { TargetRow } from '@/lib/msx/target-list'
import type { TargetFilter, TargetSelection } from '@/lib/msx/target-selection'
import type { TargetListParams } from '@/lib/query/keys'

/**
 * The rows chosen on Target Server Status, kept across pages, or every target the filter matches (Gmail's
 * "Select all conversations that match this search"). Changing the filter ends an all-matching selection: it
 * stood for that filter only.
 */
export function useTargetSelection(query: TargetListParams, rows: readonly TargetRow[], total: number) {
  const filter: TargetFilter = { search: query.search, status: query.status, group: query.group }
  const filterKey = JSON.stringify(filter)
  const [chosen, setChosen] = useState<ReadonlyMap<string, TargetRow>>(new Map())
  const [matchingFilterKey, setMatchingFilterKey] = useState<string | null>(null)
  const allMatching = matchingFilterKey === filterKey && total > 0

  const update = (names: readonly TargetRow[], on: boolean) => {
    // unticking a row of an all-matching selection leaves the rest of this page chosen, as Gmail does
    const base = allMatching ? new Map(rows.map((row) => [row.name, row])) : new Map(chosen)
    for (const row of names) on ? base.set(row.name, row) : base.delete(row.name)
    setMatchingFilterKey(null)
    setChosen(base)
  }
  const latest = new Map(rows.map((row) => [row.name, row]))
  const chosenRows = [...chosen.values()].map((row) => latest.get(row.name) ?? row)
  const selection: TargetSelection | null = allMatching
    ? { matching: filter }
    : chosen.size > 0
      ? { names: [...chosen.keys()] }
      : null
  const pageAllSelected = rows.length > 0 && rows.every((row) => allMatching || chosen.has(row.name))

  return {
    selection,
    count: allMatching ? total : chosen.size,
    allMatching,
    chosenRows,
    /** every row of the page is chosen and more match: offer to choose them all */
    canSelectAllMatching: pageAllSelected && !allMatching && total > rows.length,
    isSelected: (row: TargetRow) => allMatching || chosen.has(row.name),
    toggle: (row: TargetRow, on: boolean) => update([row], on),
    togglePage: (on: boolean) => update(rows, on),
    selectAllMatching: () => setMatchingFilterKey(filterKey),
    clear: () => {
      setChosen(new Map())
      setMatchingFilterKey(null)
    },
  }
}

export type TargetSelectionState = ReturnType<typeof useTargetSelection>

/** What a row chosen for an action shows in the Post Instructions dialog. */
export type ChosenTarget = Pick<TargetRow, 'name' | 'localTime' | 'timeZoneOffsetMinutes' | 'pollIntervalSeconds'>

/** What the toolbar's actions need of a selection: the list's, or the one target of a target's page. */
export interface ActionSelection {
  selection: TargetSelection | null
  count: number
  allMatching: boolean
  chosenRows: ChosenTarget[]
  clear: () => void
}

/** The one target of its own page, as a selection the toolbar's actions take. */
export function oneTarget(target: ChosenTarget): ActionSelection {
  return { selection: { names: [target.name] }, count: 1, allMatching: false, chosenRows: [target], clear: () => {} }
}
