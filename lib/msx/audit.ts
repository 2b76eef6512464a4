import 'server-only'
import type { Tx } from '../db/client'
import type { ChangeTopic } from '../query/change-topics'
import { noteChange } from './changes'
import type { Actor } from './context'

export interface AuditEntry {
  action: string
  objectType: string
  objectName?: string
  details?: Record<string, unknown>
  result?: 'success' | 'failure'
}

/** Where an audited change of each kind of object shows, besides Activity (users and API tokens: pages of their own). */
const VIEWS_OF_OBJECT: Record<string, ChangeTopic[]> = {
  target: ['targets', 'instructions', 'enlistment', 'jobs'],
  instruction: ['instructions', 'targets'],
  group: ['groups', 'targets'],
  token: ['enlistment'],
  enlistment: ['enlistment', 'targets'],
  job: ['targets', 'instructions', 'jobs'],
  master: ['targets', 'instructions'],
}

/** Writes one activity-log entry, and tells open pages; called inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actor: actor.name,
      address: actor.address ?? '',
      action: entry.action,
      objectType: entry.objectType,
      objectName: truncate(entry.objectName ?? '', 1000),
      details: entry.details ? JSON.stringify(entry.details) : '',
      result: entry.result ?? 'success',
    },
  })
  await noteChange(tx, ['audit', ...(VIEWS_OF_OBJECT[entry.objectType] ?? [])])
}

function truncate(text: string, max: number) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

const SHOWN_NAMES = 5

/** A list of names for an activity entry: the first few, then how many more. */
export function summarizeNames(names: string[], shown = SHOWN_NAMES): string {
  if (names.length <= shown) return names.join(', ')
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
}

/**
 * The target server names a summary cut short, every one, for an entry's details (as targetNames): filtering
 * the activity log by a target finds the entry even when the name is among the "and N more".
 */
export function targetNamesBeyondSummary(names: string[]): string[] | undefined {
  return names.length > SHOWN_NAMES ? names : undefined
}
