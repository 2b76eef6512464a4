// What the Target Server Status toolbar acts on: rows chosen by name, or every target server the list's filters
// match, across all its pages (like "Select all conversations that match this search"). A filter is resolved to
// names here, on the server, by the very condition the list itself uses.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { refused } from './errors'
import { MAX_NAMED_TARGETS, serverNames } from './names'
import { targetFilterWhere, targetListQuery } from './target-list'

/** Beyond this many, acting on a filter is refused: narrow it first. */
export const MAX_MATCHING_TARGETS = MAX_NAMED_TARGETS

export const targetFilter = targetListQuery.pick({ search: true, status: true, group: true })
export type TargetFilter = z.output<typeof targetFilter>

export const targetSelection = z.union([z.object({ names: serverNames }), z.object({ matching: targetFilter })], {
  error: 'say what to act on: chosen target servers ({ names }) or all that match a filter ({ matching })',
})
export type TargetSelection = z.output<typeof targetSelection>

export interface MatchingOptions {
  /** leave out targets that are defecting, which take no further instructions (as "all target servers" does) */
  exceptDefecting?: boolean
  /** the most names returned; more matching is refused */
  limit?: number
  now?: Date
}

/** The names of the target servers a filter matches, in name order; refused beyond the limit. */
export async function targetNamesMatching(
  db: Db | Tx,
  filter: TargetFilter,
  { exceptDefecting = false, limit = MAX_MATCHING_TARGETS, now = new Date() }: MatchingOptions = {},
): Promise<string[]> {
  const where = {
    AND: [await targetFilterWhere(db, filter, now), exceptDefecting ? { state: { not: 'DEFECTING' } } : {}],
  }
  const count = await db.targetServer.count({ where })
  if (count > limit)
    throw refused(
      `${count.toLocaleString('en-US')} target servers match: at most ${limit.toLocaleString('en-US')} can be acted on at once. Narrow the search, status or group filter.`,
    )
  const rows = await db.targetServer.findMany({ where, select: { name: true }, orderBy: { nameKey: 'asc' } })
  return rows.map((row) => row.name)
}

/** The names a selection stands for: the chosen ones as given, or those its filter matches now. */
export async function selectedTargetNames(
  db: Db | Tx,
  selection: TargetSelection,
  options: MatchingOptions = {},
): Promise<string[]> {
  if ('names' in selection) return selection.names
  const names = await targetNamesMatching(db, selection.matching, options)
  if (names.length === 0) throw refused('No target server matches the filter any more: nothing was done.')
  return names
}
