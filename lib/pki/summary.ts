// A read of the master's certificates for the dashboard: no key is read, nothing is created.
import { X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { certificateFingerprint } from './fingerprint'

export interface AuthoritySummary {
  caFingerprint: string
  caSubject: string
  caValidTo: string
  gatewayNames: string[]
  gatewayValidTo: string
}

/** What the Settings page shows of the CA and the gateway's certificate (never a private key); null before the first start. */
export function describeAuthority(dataDir: string): AuthoritySummary | null {
  const dir = path.join(dataDir, 'pki')
  const caFile = path.join(dir, 'ca.crt')
  const gatewayFile = path.join(dir, 'gateway.crt')
  if (!fs.existsSync(caFile) || !fs.existsSync(gatewayFile)) return null
  const caPem = fs.readFileSync(caFile, 'utf8')
  const ca = new X509Certificate(caPem)
  const gateway = new X509Certificate(fs.readFileSync(gatewayFile))
  return {
    caFingerprint: certificateFingerprint(caPem),
    caSubject: ca.subject.replace(/^CN=/, ''),
    caValidTo: new Date(ca.validTo).toISOString(),
    gatewayNames: (gateway.subjectAltName ?? '')
      .split(', ')
      .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
      .filter(Boolean),
    gatewayValidTo: new Date(gateway.validTo).toISOString(),
  }
}
