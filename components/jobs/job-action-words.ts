// What each action of the Jobs list says: in its confirmation (the plan), and once done.
import { countOf, targetServers } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
import type { JobAction, JobActionResult, JobFanOut } from '@/lib/msx/job-actions'

const OPERATION: Record<JobAction, string> = {
  start: 'START',
  stop: 'STOP',
  enable: 'UPDATE',
  disable: 'UPDATE',
  pause: 'UPDATE',
  resume: 'UPDATE',
  repost: 'UPDATE',
  delete: 'DELETE',
}

export const JOB_ACTION_WORDS: Record<JobAction, { verb: string; title: string; effect: string }> = {
  start: { verb: 'Start', title: 'Start', effect: 'Each target runs the job from its first step now.' },
  stop: {
    verb: 'Stop',
    title: 'Stop',
    effect: 'Each target stops its run of the job; a run that has ended is left alone.',
  },
  enable: {
    verb: 'Enable',
    title: 'Enable',
    effect: 'Their schedules fire again on every target; a new version of each job is saved.',
  },
  disable: {
    verb: 'Disable',
    title: 'Disable',
    effect: 'No schedule fires on any target until they are enabled again; a new version of each job is saved.',
  },
  pause: {
    verb: 'Pause schedules',
    title: 'Pause the schedules of',
    effect:
      'No scheduled run fires on any target until the time chosen; Start still runs them at once. Each target is sent the pause; no new version is saved.',
  },
  resume: {
    verb: 'Resume schedules',
    title: 'Resume the schedules of',
    effect: 'Their schedules fire again on every target from their next time; no new version is saved.',
  },
  repost: {
    verb: 'Re-post',
    title: 'Re-post',
    effect:
      'The current definition is posted again to the targets that hold an older version (or none yet) and have nothing of it left to download.',
  },
  delete: {
    verb: 'Delete',
    title: 'Delete',
    effect: 'The jobs are deleted from this master and from every target; their history is kept.',
  },
}

/** The plan: how many targets get what, and which of them will not act on it soon. */
export function describePlan(action: JobAction, plan: JobFanOut[]): string[] {
  return plan.map((p) => {
    if (action === 'repost')
      return p.older === 0
        ? `${p.job}: every target holds its current version or has it waiting, nothing is posted`
        : `${p.job}: UPDATE to ${targetServers(p.older)} that do not hold its current version`
    const reach = `${p.job}: ${OPERATION[action]} to ${targetServers(p.targets)}`
    const late = [
      p.older > 0 && `${p.older.toLocaleString('en-US')} not holding its current version yet`,
      p.offline > 0 && `${p.offline.toLocaleString('en-US')} suspected offline (they get it when they poll again)`,
      p.blocked > 0 && `${p.blocked.toLocaleString('en-US')} blocked by an instruction in error`,
    ].filter(Boolean)
    return p.targets === 0
      ? `${p.job}: no target server holds it, nothing is posted`
      : late.length
        ? `${reach}; ${late.join(', ')}`
        : reach
  })
}

/** "2026-12-04 06:00" of "2026-12-04T06:00:00+01:00": the time as the one who chose it reads it. */
export const wallTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

/** "Posted START to 40 target servers (2 jobs)." */
export function jobActionDone(action: JobAction, results: JobActionResult[], until?: string): string {
  const posted = results.reduce((sum, r) => sum + r.posted, 0)
  const jobs = results.length === 1 ? sayNames(results.map((r) => r.job)) : countOf(results.length, 'job')
  const done = {
    start: 'Started',
    stop: 'Stopped',
    enable: 'Enabled',
    disable: 'Disabled',
    pause: 'Paused the schedules of',
    resume: 'Resumed the schedules of',
    repost: 'Re-posted',
    delete: 'Deleted',
  }[action]
  if (action === 'pause') {
    const head = `${done} ${jobs} until ${wallTime(until ?? '')}.`
    return posted === 0
      ? `${head} No target server holds them yet.`
      : `${head} Posted UPDATE to ${targetServers(posted)}.`
  }
  if (action === 'resume' && results.every((r) => r.unchanged))
    return `The schedules of ${jobs} were not paused: nothing was posted.`
  if (posted === 0 && action === 'repost')
    return `Re-posted ${jobs}: every target holds the current version or has it waiting, nothing was posted.`
  if (posted === 0) return `${done} ${jobs}: no target server holds ${results.length === 1 ? 'it' : 'them'}.`
  return `${done} ${jobs}. Posted ${OPERATION[action]} to ${targetServers(posted)}.`
}
