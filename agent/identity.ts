// The agent's key pair and certificate, in its data folder (the private key readable by its owner only).
import fs from 'node:fs'
import path from 'node:path'
import { createCertificateRequest } from '../lib/pki/csr'
import { generateKeyPair, keyPairFromPem, privateKeyToPem } from '../lib/pki/keys'

export interface Identity {
  keyPem: string
  certPem: string
}

const files = (dataDir: string) => ({
  key: path.join(dataDir, 'key.pem'),
  cert: path.join(dataDir, 'cert.pem'),
})

/** The agent's key (made on first use) and a certificate request for `name`. */
export async function keyAndRequest(dataDir: string, name: string) {
  const { key } = files(dataDir)
  if (!fs.existsSync(key)) {
    const keys = await generateKeyPair()
    fs.writeFileSync(key, await privateKeyToPem(keys.privateKey), { mode: 0o600 })
  }
  const keyPem = fs.readFileSync(key, 'utf8')
  const csrPem = await createCertificateRequest(await keyPairFromPem(keyPem), name)
  return { keyPem, csrPem }
}

export function saveCertificate(dataDir: string, certPem: string) {
  fs.writeFileSync(files(dataDir).cert, certPem)
}

export function loadIdentity(dataDir: string): Identity | null {
  const { key, cert } = files(dataDir)
  if (!fs.existsSync(key) || !fs.existsSync(cert)) return null
  return { keyPem: fs.readFileSync(key, 'utf8'), certPem: fs.readFileSync(cert, 'utf8') }
}

/** Removes the key and certificate: a defected agent enlists again with a new key. */
export function forgetIdentity(dataDir: string) {
  const { key, cert } = files(dataDir)
  fs.rmSync(key, { force: true })
  fs.rmSync(cert, { force: true })
}
