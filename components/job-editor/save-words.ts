// What a save posted, and what it would post, in words.
import { targetServers } from '@/components/format/counts'
import type { JobSavePlan } from '@/lib/msx/job-save-plan'

const targets = targetServers

function postings(p: { inserted: number; updated: number; deleted: number }): string {
  const parts = [
    p.inserted > 0 && `INSERT to ${targets(p.inserted)}`,
    p.updated > 0 && `UPDATE to ${targets(p.updated)}`,
    p.deleted > 0 && `DELETE to ${targets(p.deleted)}`,
  ].filter(Boolean)
  return parts.length > 0 ? `Posted ${parts.join(', ')}.` : 'Posted nothing: it has no target servers.'
}

export function savedJobMessage(p: {
  created: boolean
  name: string
  version: number
  inserted: number
  updated: number
  deleted: number
}): string {
  return `${p.created ? 'Created' : 'Saved'} ${p.name} (version ${p.version}). ${postings(p)}`
}

/** The lines of the confirmation before a save. */
export function describeSavePlan(plan: JobSavePlan): string[] {
  if (!plan.changed) return [`Nothing changed: saving posts nothing and keeps the version.`]
  const lines = [
    plan.insert > 0 && `INSERT to ${targets(plan.insert)} gaining the job`,
    plan.update > 0 && `UPDATE to ${targets(plan.update)} keeping the job`,
    plan.delete > 0 && `DELETE to ${targets(plan.delete)} losing the job (its history stays on the master)`,
  ].filter((l): l is string => typeof l === 'string')
  if (lines.length === 0) lines.push('No target server gets an instruction.')
  if (plan.offline > 0) lines.push(`${targets(plan.offline)} suspected offline: they download it when they poll again`)
  if (plan.blocked > 0)
    lines.push(`${targets(plan.blocked)} blocked by a download error: the instruction waits behind the error`)
  if (plan.older > 0) lines.push(`${targets(plan.older)} hold an older version: the UPDATE brings them to the new one`)
  return lines
}
