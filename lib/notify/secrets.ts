// The master's notification secrets (SMTP password, webhook secret) at rest: AES-256-GCM with a key kept in the
// data folder beside the CA's key, so the database alone (a backup, a copy) never reveals them.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface SecretVault {
  seal(plain: string): string
  open(sealed: string): string
}

const PREFIX = 'v1:'

function readOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'pki', 'secrets.key')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    try {
      // wx: two processes starting at once keep the first key, never overwrite it
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte key: restore it from the data folder's backup.`)
  return key
}

/** Seals and opens secrets with the key in `dataDir/pki/secrets.key`, made on first use. */
export function secretVault(dataDir: string): SecretVault {
  let key: Buffer | undefined
  const theKey = () => {
    key ??= readOrCreateKey(dataDir)
    return key
  }
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', theKey(), iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('A stored secret is not in the sealed form this master writes.')
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url')
      const decipher = crypto.createDecipheriv('aes-256-gcm', theKey(), raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/** A new webhook secret: 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return crypto.randomBytes(32).toString('base64url')
}
