// msx-agent status: what this agent is enlisted into and how it is doing, from its local store.
import { allowsProxyMatching } from './proxies'
import { lastRefusal, type Refusal } from './refusal'
import { Spool } from './spool'
import { AgentStore } from './store'

export interface AgentStatus {
  state: 'enlisted' | 'pending' | 'not enlisted'
  name: string | null
  master: { name: string | null; url: string | null; version: string | null }
  encrypt: string | null
  /** what the master answered when it stopped msx-agent run for good, if it did */
  refusal: Refusal | null
  pollIntervalSeconds: number | null
  lastPollAt: string | null
  clockOffsetMs: number
  clockSkewMs: number | null
  spoolDepth: number
  spoolOldestAt: string | null
  /** how long the oldest spooled outcome has waited for upload */
  spoolOldestAgeSeconds: number | null
  allowProxyMatching: boolean
  jobs: { name: string; version: number; receivedAt: string }[]
  running: {
    jobName: string
    runId: string
    startedAt: string
    stepNumber: number | null
    invokedBy: string
    /** the process the running step started, once it has started one */
    pid: number | null
  }[]
}

export function readStatus(dataDir: string, now = new Date()): AgentStatus {
  const store = new AgentStore(dataDir)
  try {
    const state = store.get('state')
    const skew = store.get('lastClockSkewMs')
    const spool = new Spool(store)
    const spooled = spool.depth()
    return {
      state: state === 'enlisted' || state === 'pending' ? state : 'not enlisted',
      name: store.get('name') ?? null,
      master: {
        name: store.get('masterName') ?? null,
        url: store.get('masterUrl') ?? null,
        version: store.get('masterVersion') ?? null,
      },
      encrypt: store.get('encrypt') ?? null,
      refusal: lastRefusal(store),
      pollIntervalSeconds: store.get('pollIntervalSeconds') ? Number(store.get('pollIntervalSeconds')) : null,
      lastPollAt: store.get('lastPollAt') ?? null,
      clockOffsetMs: Number(store.get('clockOffsetMs') ?? 0),
      clockSkewMs: skew === undefined ? null : Number(skew),
      spoolDepth: spooled.count,
      spoolOldestAt: spooled.oldestAt,
      spoolOldestAgeSeconds: spooled.oldestAt
        ? Math.max(0, Math.round((now.getTime() - new Date(spooled.oldestAt).getTime()) / 1000))
        : null,
      allowProxyMatching: allowsProxyMatching(store),
      jobs: store.jobs().map((j) => ({ name: j.name, version: j.version, receivedAt: j.receivedAt })),
      running: spool.openRuns().map((r) => ({
        jobName: r.jobName,
        runId: r.runId,
        startedAt: r.startedAt.toISOString(),
        stepNumber: r.stepNumber,
        invokedBy: r.invokedBy,
        pid: r.process?.pid ?? null,
      })),
    }
  } finally {
    store.close()
  }
}

function stateLine(s: AgentStatus): string {
  if (s.state === 'pending') return 'awaiting approval on the master'
  if (s.refusal)
    return `refused by the master, which stopped msx-agent run at ${s.refusal.at}: ${s.refusal.message} (msx-agent doctor checks it again)`
  return 'enlisted'
}

export function formatStatus(s: AgentStatus): string {
  if (s.state === 'not enlisted')
    return 'Not enlisted: run msx-agent enlist --master https://HOST:3443 ... to enlist this target.'
  const lines = [
    ['Target server', s.name],
    ['State', stateLine(s)],
    ['Master', s.master.name ? `${s.master.name} (${s.master.url}, version ${s.master.version})` : s.master.url],
    ['Encryption', s.encrypt],
    ['Polling interval', s.pollIntervalSeconds === null ? null : `${s.pollIntervalSeconds} s`],
    ['Last poll', s.lastPollAt ?? 'never'],
    ['Clock offset', `${s.clockOffsetMs} ms (adopted from the master by SYNC-TIME)`],
    [
      'Clock skew',
      s.clockSkewMs === null ? 'unknown' : `${s.clockSkewMs} ms (system clock minus master clock at last poll)`,
    ],
    [
      'Spool depth',
      `${s.spoolDepth} outcome(s) awaiting upload${s.spoolOldestAt ? `, oldest ${formatAge(s.spoolOldestAgeSeconds ?? 0)} old (${s.spoolOldestAt})` : ''}`,
    ],
    ['Jobs held', s.jobs.length === 0 ? 'none' : s.jobs.map((j) => `${j.name} (v${j.version})`).join(', ')],
    [
      'Running',
      s.running.length === 0
        ? 'none'
        : s.running.map((r) => `${r.jobName} (step ${r.stepNumber ?? '-'}, since ${r.startedAt})`).join(', '),
    ],
    ['Proxy matching', s.allowProxyMatching ? 'on' : 'off'],
  ]
  return lines.map(([k, v]) => `${`${k}:`.padEnd(18)}${v ?? ''}`).join('\n')
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 3600)} h`
}
