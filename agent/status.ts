// msx-agent status: what this agent is enlisted into and how it is doing, from its local store.
import { AgentStore } from './store'

export interface AgentStatus {
  state: 'enlisted' | 'pending' | 'not enlisted'
  name: string | null
  master: { name: string | null; url: string | null; version: string | null }
  encrypt: string | null
  pollIntervalSeconds: number | null
  lastPollAt: string | null
  clockOffsetMs: number
  clockSkewMs: number | null
  spoolDepth: number
  spoolOldestAt: string | null
  jobs: { name: string; version: number; receivedAt: string }[]
}

export function readStatus(dataDir: string): AgentStatus {
  const store = new AgentStore(dataDir)
  try {
    const state = store.get('state')
    const skew = store.get('lastClockSkewMs')
    return {
      state: state === 'enlisted' || state === 'pending' ? state : 'not enlisted',
      name: store.get('name') ?? null,
      master: {
        name: store.get('masterName') ?? null,
        url: store.get('masterUrl') ?? null,
        version: store.get('masterVersion') ?? null,
      },
      encrypt: store.get('encrypt') ?? null,
      pollIntervalSeconds: store.get('pollIntervalSeconds') ? Number(store.get('pollIntervalSeconds')) : null,
      lastPollAt: store.get('lastPollAt') ?? null,
      clockOffsetMs: Number(store.get('clockOffsetMs') ?? 0),
      clockSkewMs: skew === undefined ? null : Number(skew),
      spoolDepth: 0,
      spoolOldestAt: null,
      jobs: store.jobs().map((j) => ({ name: j.name, version: j.version, receivedAt: j.receivedAt })),
    }
  } finally {
    store.close()
  }
}

export function formatStatus(s: AgentStatus): string {
  if (s.state === 'not enlisted')
    return 'Not enlisted: run msx-agent enlist --master https://HOST:3443 ... to enlist this target.'
  const lines = [
    ['Target server', s.name],
    ['State', s.state === 'pending' ? 'awaiting approval on the master' : 'enlisted'],
    ['Master', s.master.name ? `${s.master.name} (${s.master.url}, version ${s.master.version})` : s.master.url],
    ['Encryption', s.encrypt],
    ['Polling interval', s.pollIntervalSeconds === null ? null : `${s.pollIntervalSeconds} s`],
    ['Last poll', s.lastPollAt ?? 'never'],
    ['Clock offset', `${s.clockOffsetMs} ms (adopted from the master by SYNC-TIME)`],
    [
      'Clock skew',
      s.clockSkewMs === null ? 'unknown' : `${s.clockSkewMs} ms (system clock minus master clock at last poll)`,
    ],
    ['Spool depth', `${s.spoolDepth}${s.spoolOldestAt ? ` (oldest ${s.spoolOldestAt})` : ''}`],
    ['Jobs held', s.jobs.length === 0 ? 'none' : s.jobs.map((j) => `${j.name} (v${j.version})`).join(', ')],
  ]
  return lines.map(([k, v]) => `${`${k}:`.padEnd(18)}${v ?? ''}`).join('\n')
}
