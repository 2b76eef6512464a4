// A packaged agent's first start (a refused token exits 3, as a refused agent does): with no identity in its data folder yet, it enlists itself with the token its
// package carries, under the host name (or --name), before it polls.

import os from 'node:os'
import { enlist } from './enlist'
import { AgentError, MasterRefused } from './errors'
import { loadIdentity } from './identity'
import type { Packaged } from './package-config'
import { AgentStore } from './store'

function isEnlisted(dataDir: string) {
  const store = new AgentStore(dataDir)
  try {
    return store.get('state') === 'enlisted' && loadIdentity(dataDir) !== null
  } finally {
    store.close()
  }
}

export interface FirstStart {
  dataDir: string
  /** --name of msx-agent run, which wins over the package's name */
  name?: string
  say: (line: string) => void
  signal: AbortSignal
}

/** Enlists with the package's token unless this data folder already holds an enlistment. */
export async function enlistFromPackage(p: Packaged, start: FirstStart): Promise<void> {
  if (isEnlisted(start.dataDir)) return
  const name = start.name ?? p.config.name ?? os.hostname().split('.')[0] ?? 'TSX'
  start.say(`First start: enlisting ${name} into ${p.config.gatewayUrl} with the token of ${p.file}.`)
  try {
    await enlist({
      master: p.config.gatewayUrl,
      name,
      location: p.config.location,
      token: p.config.token,
      caPem: p.config.caPem,
      encrypt: 'strict',
      dataDir: start.dataDir,
      say: start.say,
      signal: start.signal,
    })
  } catch (error) {
    if (!(error instanceof MasterRefused)) throw error
    throw new AgentError(`The master refused to enlist ${name} with this package's token: ${error.message}`, 3)
  }
}
