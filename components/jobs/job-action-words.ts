// What each action of the Jobs list says: in its confirmation (the plan), and once done.
import { countOf, targetServers } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
import type { JobAction, JobActionResult, JobFanOut } from '@/lib/msx/job-actions'

const OPERATION: Record<JobAction, string> = {
  start: 'START',
  stop: 'STOP',
  enable: 'UPDATE',
  disable: 'UPDATE',
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
  delete: {
    verb: 'Delete',
    title: 'Delete',
    effect: 'The jobs are deleted from this master and from every target; their history is kept.',
  },
}

/** The plan: how many targets get what, and which of them will not act on it soon. */
export function describePlan(action: JobAction, plan: JobFanOut[]): string[] {
  return plan.map((p) => {
    const reach = `${p.job}: ${OPERATION[action]} to ${targetServers(p.targets)}`
    const late = [
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

/** "Posted START to 40 target servers (2 jobs)." */
export function jobActionDone(action: JobAction, results: JobActionResult[]): string {
  const posted = results.reduce((sum, r) => sum + r.posted, 0)
  const jobs = results.length === 1 ? sayNames(results.map((r) => r.job)) : countOf(results.length, 'job')
  const done = { start: 'Started', stop: 'Stopped', enable: 'Enabled', disable: 'Disabled', delete: 'Deleted' }[action]
  if (posted === 0) return `${done} ${jobs}: no target server holds ${results.length === 1 ? 'it' : 'them'}.`
  return `${done} ${jobs}. Posted ${OPERATION[action]} to ${targetServers(posted)}.`
}
