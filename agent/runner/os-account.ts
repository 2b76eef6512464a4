// The operating-system account a proxy maps to, looked up when it is added and again when a step runs under it.
import { execFileSync } from 'node:child_process'
import os from 'node:os'

export interface OsAccount {
  name: string
  uid: number
  gid: number
  home: string
}

const ACCOUNT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/

/** The account of that name on this machine (through NSS, so directory accounts count too), or null. */
export function findOsAccount(name: string): OsAccount | null {
  if (!ACCOUNT_NAME.test(name)) return null
  let line: string
  try {
    line = execFileSync('getent', ['passwd', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return null
  }
  const [account, , uid, gid, , home] = line.trim().split(':')
  if (!account || uid === undefined || gid === undefined) return null
  return { name: account, uid: Number(uid), gid: Number(gid), home: home ?? '/' }
}

/** Who the agent itself runs as. */
export function currentAccountName(): string {
  try {
    return os.userInfo().username
  } catch {
    return String(process.getuid?.() ?? 'unknown')
  }
}
