// msx-agent enlist: make a key, ask the master, and either get a certificate at once (token) or wait as a
// pending request until an administrator enlists or rejects it.
import fs from 'node:fs'
import { checkCertificateRequest } from '../lib/pki/csr'
import { normalizeFingerprint } from '../lib/pki/fingerprint'
import { enlistResponse } from '../lib/protocol/agent-v1'
import { shellWord } from '../lib/shell-word'
import { sleep } from './backoff'
import { AGENT_VERSION, defaultDataDir, runAsAccount, systemNow, timeZoneOffsetMinutes } from './environment'
import { AgentError } from './errors'
import { keyAndRequest, saveCertificate } from './identity'
import { MasterClient } from './master-client'
import { AgentStore } from './store'
import { assertEncryptSupported, type EncryptMode, fetchPinnedCa } from './trust'

export interface EnlistOptions {
  master: string
  name: string
  location: string
  token?: string
  caFingerprint?: string
  caFile?: string
  /** the master CA itself (an agent package carries it) */
  caPem?: string
  encrypt: EncryptMode
  dataDir: string
  say: (line: string) => void
  signal?: AbortSignal
}

export async function enlist(options: EnlistOptions): Promise<{ masterName: string }> {
  assertEncryptSupported(options.encrypt)
  const store = new AgentStore(options.dataDir)
  try {
    if (store.get('state') === 'enlisted')
      throw new AgentError(
        `${store.get('name')} is already enlisted into master ${store.get('masterName')}: run msx-agent defect first.`,
      )
    const masterUrl = new URL(options.master)
    const caPem = await trustedCa(masterUrl, options)
    const { csrPem } = await keyAndRequest(options.dataDir, options.name)
    const client = new MasterClient({ masterUrl: masterUrl.href, encrypt: options.encrypt, caPem })
    try {
      let answer = await client.post(
        '/enlist',
        {
          name: options.name,
          location: options.location,
          timeZoneOffsetMinutes: timeZoneOffsetMinutes(),
          agentVersion: AGENT_VERSION,
          runAsAccount: runAsAccount(),
          encryptionMode: options.encrypt,
          localTime: systemNow().toISOString(),
          csrPem,
          ...(options.token ? { token: options.token } : {}),
        },
        enlistResponse,
        { signal: options.signal },
      )
      if (answer.status === 'pending') {
        store.set({ state: 'pending', masterUrl: masterUrl.href, name: options.name })
        const key = (await checkCertificateRequest(csrPem))?.keyFingerprint
        options.say(
          `${options.name} asked to enlist into ${masterUrl.origin} and awaits approval on the master ` +
            `(Manage Target Servers > Pending enlistment requests, or \`msx approve ${options.name}\`). ` +
            `Its key fingerprint is ${key}: before enlisting it, check that the request on the master shows the same.`,
        )
      }
      while (answer.status === 'pending') {
        await sleep(answer.retryAfterSeconds * 1000, options.signal)
        if (options.signal?.aborted)
          throw new AgentError('Stopped waiting; the request stays pending: run the same enlist command to wait again.')
        answer = await client.post('/enlist/status', { name: options.name, csrPem }, enlistResponse, {
          signal: options.signal,
        })
      }
      if (answer.status === 'rejected') {
        store.clearEnlistment()
        throw new AgentError(`The master rejected the request to enlist ${options.name}: ${answer.reason}`)
      }
      saveCertificate(options.dataDir, answer.certificatePem)
      store.set({
        state: 'enlisted',
        masterUrl: masterUrl.href,
        masterName: answer.master.name,
        masterVersion: answer.master.version,
        name: answer.name,
        location: options.location,
        encrypt: options.encrypt,
        caPem: options.encrypt === 'strict' ? (caPem ?? answer.caPem) : answer.caPem,
        pollIntervalSeconds: answer.pollIntervalSeconds,
        clockOffsetMs: 0,
        enlistedAt: new Date().toISOString(),
      })
      const dataDir = options.dataDir === defaultDataDir() ? '' : ` --data-dir ${shellWord(options.dataDir)}`
      options.say(
        `Enlisted ${answer.name} into master ${answer.master.name} (${masterUrl.origin}). ` +
          `Start it with: msx-agent run${dataDir}`,
      )
      return { masterName: answer.master.name }
    } finally {
      client.close()
    }
  } finally {
    store.close()
  }
}

async function trustedCa(masterUrl: URL, options: EnlistOptions): Promise<string | undefined> {
  if (options.encrypt !== 'strict') return undefined
  if (options.caPem) return options.caPem
  if (options.caFile) {
    if (!fs.existsSync(options.caFile)) throw new AgentError(`--ca-file ${options.caFile} does not exist.`, 2)
    return fs.readFileSync(options.caFile, 'utf8')
  }
  if (!options.caFingerprint)
    throw new AgentError(
      'Strict encryption validates the master: give --ca-fingerprint sha256:... (from `msx ca-fingerprint` on the master) or --ca-file, or choose --encrypt no-verify.',
      2,
    )
  const fingerprint = normalizeFingerprint(options.caFingerprint)
  if (!fingerprint)
    throw new AgentError('--ca-fingerprint must be a SHA-256 fingerprint: sha256: followed by 64 hex digits.', 2)
  return fetchPinnedCa(masterUrl, fingerprint)
}
