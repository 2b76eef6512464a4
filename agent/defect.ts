// msx-agent defect: leave the master. Graceful tells the master, which removes the target; forced (master
// unreachable) only forgets the enlistment here and says what to do on the master.
import { defectResponse } from '../lib/protocol/agent-v1'
import { AgentError } from './errors'
import { forgetIdentity, loadIdentity } from './identity'
import { MasterClient } from './master-client'
import { lastRefusal, masterForgotTarget } from './refusal'
import { AgentStore } from './store'
import type { EncryptMode } from './trust'

export async function defect(dataDir: string, force: boolean): Promise<string> {
  const store = new AgentStore(dataDir)
  try {
    const state = store.get('state')
    const name = store.get('name') ?? 'this target'
    const masterName = store.get('masterName') ?? store.get('masterUrl') ?? 'the master'
    if (state !== 'enlisted' && state !== 'pending')
      throw new AgentError('This agent is not enlisted: there is nothing to defect from.')
    const jobs = store.jobs().length
    const refusal = lastRefusal(store)
    if (!force) {
      const identity = loadIdentity(dataDir)
      if (state !== 'enlisted' || !identity)
        throw new AgentError('This agent has no certificate to tell the master with: use msx-agent defect --force.')
      const client = new MasterClient({
        masterUrl: store.get('masterUrl') ?? '',
        encrypt: (store.get('encrypt') ?? 'strict') as EncryptMode,
        caPem: store.get('caPem'),
        ...identity,
      })
      try {
        await client.post('/defect', {}, defectResponse)
      } catch (error) {
        throw new AgentError(
          `${(error as Error).message} To leave anyway, run msx-agent defect --force, then remove ${name} on the master.`,
        )
      } finally {
        client.close()
      }
    }
    store.clearEnlistment()
    forgetIdentity(dataDir)
    if (!force) return `${name} defected from master ${masterName}; its ${jobs} job(s) were removed.`
    const removed = `Removed the local enlistment of ${name} and its ${jobs} job(s).`
    if (refusal && masterForgotTarget(refusal))
      return `${removed} The master ${masterName} no longer lists it, as it answered at ${refusal.at}: ${refusal.message}`
    return (
      `${removed} Unless it was force-defected there, the master ${masterName} still lists it: ` +
      `run \`msx defect ${name} --force\` there (or Force Defection in Manage Target Servers).`
    )
  } finally {
    store.close()
  }
}
