import { createHash, X509Certificate } from 'node:crypto'

/** SHA-256 of a certificate (DER), as `sha256:` and 64 lower-case hex digits: the form users copy. */
export function certificateFingerprint(pem: string): string {
  return `sha256:${createHash('sha256').update(new X509Certificate(pem).raw).digest('hex')}`
}

/** Node's colon-separated upper-case fingerprint256 in the same form. */
export function fromNodeFingerprint(fingerprint256: string): string {
  return `sha256:${fingerprint256.replaceAll(':', '').toLowerCase()}`
}

/** Accepts `sha256:HEX`, bare HEX or colon-separated HEX, in any case; null when it is not a SHA-256. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text
    .trim()
    .replace(/^sha256:/i, '')
    .replaceAll(':', '')
    .toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? `sha256:${hex}` : null
}

/** SHA-256 of a public key (SPKI DER): identifies an agent's key pair across requests. */
export function publicKeyFingerprint(spkiDer: ArrayBuffer | Buffer): string {
  return `sha256:${createHash('sha256')
    .update(Buffer.from(spkiDer as ArrayBuffer))
    .digest('hex')}`
}
