import { X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadOrCreateAuthority } from './authority'
import { checkCertificateRequest, createCertificateRequest } from './csr'
import { normalizeFingerprint } from './fingerprint'
import { generateKeyPair } from './keys'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-pki-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('fingerprints', () => {
  it('accepts sha256:HEX, bare hex and colon-separated hex in any case, and nothing else', () => {
    const hex = 'ab'.repeat(32)
    expect(normalizeFingerprint(`SHA256:${hex.toUpperCase()}`)).toBe(`sha256:${hex}`)
    expect(normalizeFingerprint(hex.match(/../g)?.join(':') ?? '')).toBe(`sha256:${hex}`)
    expect(normalizeFingerprint('sha256:abc')).toBeNull()
  })
})

describe("the master's certificate authority", () => {
  it('is made once, keeps its private keys owner-only, and is the same at the next start', async () => {
    const first = await loadOrCreateAuthority(dir, 'MSX1', ['msx.example.com'])
    const again = await loadOrCreateAuthority(dir, 'MSX1', ['msx.example.com'])
    expect(again.caFingerprint).toBe(first.caFingerprint)
    expect(again.gatewayCertPem).toBe(first.gatewayCertPem)
    for (const key of ['ca.key', 'gateway.key'])
      expect(fs.statSync(path.join(dir, 'pki', key)).mode & 0o777).toBe(0o600)
    const gateway = new X509Certificate(first.gatewayCertPem)
    expect(gateway.subjectAltName).toContain('DNS:msx.example.com')
    expect(gateway.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(gateway.verify(new X509Certificate(first.caPem).publicKey)).toBe(true)
  })

  it('re-issues the gateway certificate when a name is added, with the same CA', async () => {
    const before = await loadOrCreateAuthority(dir, 'MSX1', ['msx.example.com'])
    const after = await loadOrCreateAuthority(dir, 'MSX1', ['msx.example.com', '10.1.2.3'])
    expect(after.caFingerprint).toBe(before.caFingerprint)
    expect(new X509Certificate(after.gatewayCertPem).subjectAltName).toContain('IP Address:10.1.2.3')
  })

  it('signs a client certificate for a valid request, and rejects a tampered one', async () => {
    const authority = await loadOrCreateAuthority(dir, 'MSX1')
    const csr = await createCertificateRequest(await generateKeyPair(), 'TSX1')
    const checked = await checkCertificateRequest(csr)
    expect(checked?.commonName).toBe('TSX1')
    const { certificatePem, fingerprint } = await authority.sign(checked ?? (undefined as never), 'TSX1')
    const cert = new X509Certificate(certificatePem)
    expect(cert.subject).toBe('CN=TSX1')
    expect(cert.verify(new X509Certificate(authority.caPem).publicKey)).toBe(true)
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    const tampered = csr.replace(/A/, 'B')
    expect(await checkCertificateRequest(tampered)).toBeNull()
  })
})
