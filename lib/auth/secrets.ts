// Session cookies and API tokens are random secrets shown once; the database keeps only their SHA-256.
import { createHash, randomBytes } from 'node:crypto'

export const API_TOKEN_PREFIX = 'msx_'

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
