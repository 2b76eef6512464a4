// The one place that sets up @peculiar/x509 (it needs a reflect polyfill and a WebCrypto provider).
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as unknown as Crypto)

export { x509 }
export const subtle = webcrypto.subtle
/** ECDSA P-256: small, fast keys, so a simulator can make thousands. */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
