import { createPrivateKey } from 'node:crypto'
import { KEY_ALGORITHM, subtle } from './x509'

export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
}

export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('pkcs8', key))
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString()
}

/** Loads a PEM private key with its public half, for signing certificates or requests. */
export async function keyPairFromPem(pem: string): Promise<CryptoKeyPair> {
  const key = createPrivateKey(pem)
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' })
  const spki = (await import('node:crypto')).createPublicKey(key).export({ format: 'der', type: 'spki' })
  const privateKey = await subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, true, ['sign'])
  const publicKey = await subtle.importKey('spki', spki, KEY_ALGORITHM, true, ['verify'])
  return { privateKey, publicKey }
}
