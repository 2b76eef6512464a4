// Local proxies (msx-agent proxy add NAME --account OSUSER): a downloaded step that names a proxy runs as that
// proxy's OS account, and only while this target allows downloaded jobs to match proxy names (off by default).
import { z } from 'zod'
import type { ProxySetup } from '../lib/msx/proxy-matching'
import { AgentError } from './errors'
import { findOsAccount } from './runner/os-account'
import type { AgentStore } from './store'

export const proxyName = z
  .string()
  .trim()
  .min(1, 'A proxy name is required.')
  .max(128, 'A proxy name has at most 128 characters.')

export interface ProxyRow {
  name: string
  account: string
  addedAt: string
}

export function addProxy(store: AgentStore, rawName: string, account: string, now = new Date()): ProxyRow {
  const parsed = proxyName.safeParse(rawName)
  if (!parsed.success) throw new AgentError(parsed.error.issues[0]?.message ?? 'Invalid proxy name.', 2)
  if (!findOsAccount(account))
    throw new AgentError(`There is no OS account named "${account}" on this machine: create it first, or name another.`)
  store.db
    .prepare(
      `INSERT INTO proxies (name, account, added_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET name = excluded.name, account = excluded.account, added_at = excluded.added_at`,
    )
    .run(parsed.data, account, now.toISOString())
  return { name: parsed.data, account, addedAt: now.toISOString() }
}

export function removeProxy(store: AgentStore, name: string) {
  if (store.db.prepare('DELETE FROM proxies WHERE name = ?').run(name.trim()).changes === 0)
    throw new AgentError(`There is no proxy named "${name}" on this target (see msx-agent proxy list).`)
}

export function listProxies(store: AgentStore): ProxyRow[] {
  const rows = store.db.prepare('SELECT name, account, added_at FROM proxies ORDER BY name').all()
  return (rows as { name: string; account: string; added_at: string }[]).map((r) => ({
    name: r.name,
    account: r.account,
    addedAt: r.added_at,
  }))
}

/** The OS account of a local proxy, found case-insensitively as SQL Server finds proxy names. */
export function proxyAccount(store: AgentStore, name: string): string | undefined {
  const row = store.db.prepare('SELECT account FROM proxies WHERE name = ?').get(name) as
    | { account: string }
    | undefined
  return row?.account
}

export function allowsProxyMatching(store: AgentStore): boolean {
  return store.get('allowProxyMatching') === 'on'
}

export function setProxyMatching(store: AgentStore, on: boolean) {
  store.set({ allowProxyMatching: on ? 'on' : 'off' })
}

/** What the proxy rule of lib/msx needs to know about this target. */
export function proxySetup(store: AgentStore): ProxySetup {
  return {
    allowProxyMatching: allowsProxyMatching(store),
    hasProxy: (name) => proxyAccount(store, name) !== undefined,
  }
}
