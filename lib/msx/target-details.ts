// One target server in full (sp_help_targetserver for one server, with what the dashboard's target page shows):
// its properties and status, its groups, its latest instructions, its jobs, its history and its poll history.
import 'server-only'
import type { Db } from '../db/client'
import { unreadCounts } from './download-list'
import { type InstructionRow, listInstructions } from './instructions'
import { type PollHistory, pollHistory } from './poll-history'
import { type TargetStatus, targetLocalTime, targetStatus } from './status'
import type { DiagnosisFacts } from './target-diagnosis'
import { diagnosisFacts } from './target-diagnosis-facts'
import { type TargetHistoryRow, type TargetJob, targetJobHistory, targetJobs } from './target-jobs'
import { findTarget } from './targets'

/** The page lists this many of the target's newest instructions; the Download Instructions tab has them all. */
export const TARGET_INSTRUCTIONS_SHOWN = 20

export interface TargetProperties {
  name: string
  location: string
  state: string
  status: TargetStatus
  statusReason: string
  enlistedAt: string
  enlistedBy: string
  timeZoneOffsetMinutes: number
  localTime: string | null
  agentVersion: string
  runAsAccount: string | null
  certFingerprint: string | null
  encryptionMode: string
  pollIntervalSeconds: number
  lastPolled: string | null
  clockSkewMs: number | null
  spoolDepth: number
  spoolOldestAt: string | null
  unreadInstructions: number
}

export interface TargetDetails {
  target: TargetProperties
  groups: string[]
  /** every group, so that the target can be added to one */
  allGroups: string[]
  instructions: { rows: InstructionRow[]; total: number }
  jobs: { rows: TargetJob[]; total: number }
  history: TargetHistoryRow[]
  polls: PollHistory
  /** what the Connection card says why it does (not) download from */
  connection: DiagnosisFacts
}

async function properties(db: Db, name: string, now: Date): Promise<TargetProperties & { id: number }> {
  const t = await findTarget(db, name)
  const [unread, blocking] = await Promise.all([
    unreadCounts(db, [t.id]),
    db.downloadInstruction.findFirst({
      where: { targetId: t.id, errorMessage: { not: null } },
      orderBy: { id: 'asc' },
      select: { id: true, errorMessage: true },
    }),
  ])
  const blockingInstruction = blocking ? { id: blocking.id, errorMessage: blocking.errorMessage ?? '' } : null
  const { status, reason } = targetStatus({ ...t, blockingInstruction }, now)
  return {
    id: t.id,
    name: t.name,
    location: t.location,
    state: t.state,
    status,
    statusReason: reason,
    enlistedAt: t.enlistedAt.toISOString(),
    enlistedBy: t.enlistedBy,
    timeZoneOffsetMinutes: t.timeZoneOffsetMinutes,
    localTime: targetLocalTime(t, now)?.toISOString() ?? null,
    agentVersion: t.agentVersion,
    runAsAccount: t.runAsAccount,
    certFingerprint: t.certFingerprint,
    encryptionMode: t.encryptionMode,
    pollIntervalSeconds: t.pollIntervalSeconds,
    lastPolled: t.lastPollAt?.toISOString() ?? null,
    clockSkewMs: t.clockSkewMs,
    spoolDepth: t.spoolDepth,
    spoolOldestAt: t.spoolOldestAt?.toISOString() ?? null,
    unreadInstructions: unread.get(t.id) ?? 0,
  }
}

/** Everything the target page shows; refused with "not found" when no target has that name. */
export async function targetDetails(db: Db, name: string, now = new Date()): Promise<TargetDetails> {
  const { id, ...target } = await properties(db, name, now)
  const [memberships, groups, instructions, jobs, history, polls, connection] = await Promise.all([
    db.targetServerGroupMember.findMany({ where: { targetId: id }, select: { group: { select: { name: true } } } }),
    db.targetServerGroup.findMany({ orderBy: { nameKey: 'asc' }, select: { name: true } }),
    listInstructions(db, { target: target.name, pageSize: TARGET_INSTRUCTIONS_SHOWN }),
    targetJobs(db, id),
    targetJobHistory(db, id),
    pollHistory(db, id, now),
    diagnosisFacts(db, target.name),
  ])
  return {
    target,
    groups: memberships.map((m) => m.group.name).sort((a, b) => a.localeCompare(b)),
    allGroups: groups.map((g) => g.name),
    instructions: { rows: instructions.rows, total: instructions.total },
    jobs,
    history,
    polls,
    connection,
  }
}
