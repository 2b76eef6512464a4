// Identities for the gateway cases: a real enlisted agent (a key, its request and the certificate the master
// signed) and forged client certificates the master never issued.
import https from 'node:https'
import { MASTER_VERSION } from '../../lib/msx/versions'
import { createCertificateRequest } from '../../lib/pki/csr'
import { generateKeyPair, privateKeyToPem } from '../../lib/pki/keys'
import { KEY_ALGORITHM, x509 } from '../../lib/pki/x509'
import type { ClientCertificate } from './send'

const DAY = 86_400_000

export interface AgentKey {
  name: string
  keyPem: string
  csrPem: string
}

export async function agentKey(name: string): Promise<AgentKey> {
  const keys = await generateKeyPair()
  return { name, keyPem: await privateKeyToPem(keys.privateKey), csrPem: await createCertificateRequest(keys, name) }
}

/** The body msx-agent enlist sends (agent/enlist.ts). */
export function enlistBody(agent: AgentKey, token?: string) {
  return {
    name: agent.name,
    location: 'Rack 4',
    timeZoneOffsetMinutes: 0,
    agentVersion: MASTER_VERSION,
    runAsAccount: 'msx',
    encryptionMode: 'strict',
    csrPem: agent.csrPem,
    ...(token === undefined ? {} : { token }),
  }
}

/** Enlists with a token, as msx-agent enlist does; the certificate the master signed. */
export function enlistWithToken(port: number, caPem: string, agent: AgentKey, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(enlistBody(agent, token))
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/agent/v1/enlist',
        ca: caPem,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`enlisting ${agent.name}: ${res.statusCode} ${text}`))
          resolve((JSON.parse(text) as { certificatePem: string }).certificatePem)
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function certificate(options: {
  subject: string
  issuer: string
  publicKey: CryptoKey
  signingKey: CryptoKey
  ca?: boolean
}): Promise<string> {
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '01',
    subject: options.subject,
    issuer: options.issuer,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: KEY_ALGORITHM,
    publicKey: options.publicKey,
    signingKey: options.signingKey,
    extensions: options.ca
      ? [new x509.BasicConstraintsExtension(true, 0, true)]
      : [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
  })
  return cert.toString('pem')
}

/**
 * Client certificates for the enlisted target's name that this master did not sign: self-signed; claiming the
 * master's CA as issuer but signed by another key; signed by another CA (sent with that CA in the chain).
 */
export async function forgedCertificates(
  targetName: string,
  caPem: string,
): Promise<Record<string, ClientCertificate>> {
  const subject = `CN=${targetName}`
  const realIssuer = new x509.X509Certificate(caPem).subject
  const own = await generateKeyPair()
  const key = await privateKeyToPem(own.privateKey)
  const rogueCa = await generateKeyPair()
  const rogueCaPem = await certificate({
    subject: 'CN=msx-admin CA MSXE2E',
    issuer: 'CN=msx-admin CA MSXE2E',
    publicKey: rogueCa.publicKey,
    signingKey: rogueCa.privateKey,
    ca: true,
  })
  const byRogueCa = await certificate({
    subject,
    issuer: 'CN=msx-admin CA MSXE2E',
    publicKey: own.publicKey,
    signingKey: rogueCa.privateKey,
  })
  return {
    'a self-signed certificate with the target name': {
      key,
      cert: await certificate({ subject, issuer: subject, publicKey: own.publicKey, signingKey: own.privateKey }),
    },
    "a certificate naming the master's CA as issuer, signed by another key": {
      key,
      cert: await certificate({ subject, issuer: realIssuer, publicKey: own.publicKey, signingKey: own.privateKey }),
    },
    'a certificate signed by another CA': { key, cert: `${byRogueCa.trim()}\n${rogueCaPem.trim()}\n` },
  }
}
