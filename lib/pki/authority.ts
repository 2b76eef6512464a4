// The master's certificate authority: made on first start under <data>/pki (private keys readable by the owner
// only). It signs the gateway's server certificate and every enlisted agent's client certificate.
import { randomBytes, X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import { isIPv6 } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { CheckedRequest } from './csr'
import { certificateFingerprint } from './fingerprint'
import { generateKeyPair, keyPairFromPem, privateKeyToPem } from './keys'
import { KEY_ALGORITHM, x509 } from './x509'

const DAY = 86_400_000
const CA_LIFETIME_DAYS = 10 * 365
const GATEWAY_LIFETIME_DAYS = 825
const CLIENT_LIFETIME_DAYS = 5 * 365
const RENEW_GATEWAY_WITHIN_DAYS = 30

export interface Authority {
  caPem: string
  caFingerprint: string
  gatewayKeyPem: string
  gatewayCertPem: string
  sign(request: CheckedRequest, name: string): Promise<{ certificatePem: string; fingerprint: string }>
}

function serial() {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f // a positive serial number
  return bytes.toString('hex')
}

function writePrivate(file: string, content: string) {
  fs.writeFileSync(file, content, { mode: 0o600 })
  fs.chmodSync(file, 0o600)
}

/** The names the gateway answers to: loopback, this host's name, and any configured extra names. */
export function gatewayNames(extra: string[] = []) {
  return [...new Set(['localhost', '127.0.0.1', '::1', os.hostname(), ...extra].filter(Boolean))]
}

export async function loadOrCreateAuthority(
  dataDir: string,
  masterName: string,
  extraNames: string[] = [],
): Promise<Authority> {
  const dir = path.join(dataDir, 'pki')
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const caKeyFile = path.join(dir, 'ca.key')
  const caCertFile = path.join(dir, 'ca.crt')
  if (!fs.existsSync(caKeyFile) || !fs.existsSync(caCertFile)) {
    const keys = await generateKeyPair()
    const now = Date.now()
    const ca = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial(),
      name: `CN=msx-admin CA ${masterName}`,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + CA_LIFETIME_DAYS * DAY),
      keys,
      signingAlgorithm: KEY_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    })
    writePrivate(caKeyFile, await privateKeyToPem(keys.privateKey))
    fs.writeFileSync(caCertFile, ca.toString('pem'))
  }
  fs.chmodSync(caKeyFile, 0o600)
  const caPem = fs.readFileSync(caCertFile, 'utf8')
  const caKeys = await keyPairFromPem(fs.readFileSync(caKeyFile, 'utf8'))
  const caCert = new x509.X509Certificate(caPem)
  const names = gatewayNames(extraNames)

  const issue = async (subject: string, publicKey: CryptoKey, days: number, extensions: x509.Extension[]) => {
    const now = Date.now()
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: caCert.subject,
      notBefore: new Date(now - 5 * 60_000),
      notAfter: new Date(now + days * DAY),
      signingAlgorithm: KEY_ALGORITHM,
      publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false),
        await x509.AuthorityKeyIdentifierExtension.create(caCert),
        ...extensions,
      ],
    })
    return cert.toString('pem')
  }

  const gatewayKeyFile = path.join(dir, 'gateway.key')
  const gatewayCertFile = path.join(dir, 'gateway.crt')
  if (!gatewayCertificateFits(gatewayCertFile, gatewayKeyFile, caPem, names)) {
    const keys = await generateKeyPair()
    const pem = await issue(
      `CN=${names.includes(os.hostname()) ? os.hostname() : 'localhost'}`,
      keys.publicKey,
      GATEWAY_LIFETIME_DAYS,
      [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(
          names.map((name) => ({ type: /^[\d.]+$|:/.test(name) ? ('ip' as const) : ('dns' as const), value: name })),
        ),
      ],
    )
    writePrivate(gatewayKeyFile, await privateKeyToPem(keys.privateKey))
    fs.writeFileSync(gatewayCertFile, pem)
  }
  fs.chmodSync(gatewayKeyFile, 0o600)

  return {
    caPem,
    caFingerprint: certificateFingerprint(caPem),
    gatewayKeyPem: fs.readFileSync(gatewayKeyFile, 'utf8'),
    gatewayCertPem: fs.readFileSync(gatewayCertFile, 'utf8'),
    async sign(request, name) {
      const pem = await issue(
        `CN=${name.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`)}`,
        await request.request.publicKey.export(),
        CLIENT_LIFETIME_DAYS,
        [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        ],
      )
      return { certificatePem: pem, fingerprint: certificateFingerprint(pem) }
    },
  }
}

/** The existing gateway certificate is kept while it is signed by this CA, names every name, and is not about to expire. */
function gatewayCertificateFits(certFile: string, keyFile: string, caPem: string, names: string[]) {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return false
  const cert = new X509Certificate(fs.readFileSync(certFile))
  if (!cert.verify(new X509Certificate(caPem).publicKey)) return false
  if (new Date(cert.validTo).getTime() - Date.now() < RENEW_GATEWAY_WITHIN_DAYS * DAY) return false
  const san = new Set((cert.subjectAltName ?? '').split(', ').map((entry) => entry.replace(/^(DNS|IP Address):/, '')))
  return names.every((name) => san.has(isIPv6(name) ? expandIPv6(name) : name))
}

/** Node lists IPv6 subject alternative names in full ("0:0:0:0:0:0:0:1" for "::1"). */
function expandIPv6(address: string) {
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const fill = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : []
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, '').toLowerCase()).join(':')
}
