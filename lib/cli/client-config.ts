// Where msx finds its master and the API token it acts with: the address given to `msx login --master` and the
// token it got, stored in a credentials file; MSX_URL and MSX_API_TOKEN override them. Nothing else in the msx
// client reads the environment.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

export const DEFAULT_MASTER_URL = 'http://127.0.0.1:3000'

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value)

export const masterUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address such as http://127.0.0.1:3000' })
  .transform((url) => url.replace(/\/+$/, ''))

const envSchema = z.object({
  MSX_URL: z.preprocess(unsetWhenEmpty, masterUrlSchema.optional()),
  MSX_API_TOKEN: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).max(200).optional()),
  MSX_CONFIG_DIR: z.preprocess(unsetWhenEmpty, z.string().optional()),
})

const credentialsSchema = z.object({
  master: masterUrlSchema,
  token: z.string().min(1).optional(),
  name: z.string().optional(),
  role: z.string().optional(),
})
export type Credentials = z.infer<typeof credentialsSchema>

export class ClientConfigError extends Error {}

export interface ClientSettings {
  /** the master's address, and where it came from (for messages) */
  masterUrl: string
  masterFrom: 'MSX_URL' | 'credentials' | 'default'
  token: string | null
  tokenFrom: 'MSX_API_TOKEN' | 'credentials' | null
  credentialsFile: string
  stored: Credentials | null
}

function readCredentials(file: string): Credentials | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ClientConfigError(`Cannot read ${file}: ${(error as Error).message}.`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = credentialsSchema.safeParse(json)
  if (!parsed.success)
    throw new ClientConfigError(`${file} is not an msx credentials file: delete it and sign in again with msx login.`)
  return parsed.data
}

export function clientSettings(env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ClientConfigError(`${issue?.path.join('.') ?? 'The environment'} ${issue?.message ?? 'is not valid'}.`)
  }
  const e = parsed.data
  const dir = e.MSX_CONFIG_DIR ?? path.join(os.homedir(), '.config', 'msx')
  const credentialsFile = path.resolve(dir, 'credentials.json')
  const stored = readCredentials(credentialsFile)
  const storedToken = stored?.token ?? null
  return {
    masterUrl: e.MSX_URL ?? stored?.master ?? DEFAULT_MASTER_URL,
    masterFrom: e.MSX_URL ? 'MSX_URL' : stored ? 'credentials' : 'default',
    token: e.MSX_API_TOKEN ?? storedToken,
    tokenFrom: e.MSX_API_TOKEN ? 'MSX_API_TOKEN' : storedToken ? 'credentials' : null,
    credentialsFile,
    stored,
  }
}

/** Writes the credentials readable by their owner only (0600, in a 0700 folder), replacing the file whole. */
export function storeCredentials(file: string, credentials: Credentials) {
  const dir = path.dirname(file)
  if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700)
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
  fs.chmodSync(temporary, 0o600)
  fs.renameSync(temporary, file)
}
