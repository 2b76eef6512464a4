// Certificate requests: an agent makes one at enlistment; the master checks it and signs a client certificate.
import { publicKeyFingerprint } from './fingerprint'
import { KEY_ALGORITHM, subtle, x509 } from './x509'

export async function createCertificateRequest(keys: CryptoKeyPair, name: string): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${escapeDn(name)}`,
    keys,
    signingAlgorithm: KEY_ALGORITHM,
  })
  return csr.toString('pem')
}

export interface CheckedRequest {
  commonName: string
  keyFingerprint: string
  request: x509.Pkcs10CertificateRequest
}

/** Parses a request and checks its signature (the sender holds the key); null when it is not a valid request. */
export async function checkCertificateRequest(pem: string): Promise<CheckedRequest | null> {
  try {
    const request = new x509.Pkcs10CertificateRequest(pem)
    if (!(await request.verify())) return null
    const commonName = request.subjectName.getField('CN')[0] ?? ''
    const spki = await subtle.exportKey('spki', await request.publicKey.export())
    return { commonName, keyFingerprint: publicKeyFingerprint(spki), request }
  } catch {
    return null
  }
}

function escapeDn(value: string) {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`)
}
