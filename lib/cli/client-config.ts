// Where msx finds its master and the API token it acts with: the master signed in to last, and the token stored
// for that master's address in the credentials file; MSX_URL and MSX_API_TOKEN override them. Nothing else in the
// msx client reads the environment.
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { ClientConfigError } from './config-error'
import { type Credentials, readCredentials, type SignIn } from './credentials-file'
import { DEFAULT_MASTER_URL, masterUrlSchema } from './master-address'

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value)

const envSchema = z.object({
  MSX_URL: z.preprocess(unsetWhenEmpty, masterUrlSchema.optional()),
  MSX_API_TOKEN: z.preprocess(unsetWhenEmpty, z.string().trim().min(1).max(200).optional()),
  MSX_CONFIG_DIR: z.preprocess(unsetWhenEmpty, z.string().optional()),
})

export interface ClientSettings {
  /** the master's address, and where it came from (for messages) */
  masterUrl: string
  masterFrom: 'MSX_URL' | 'credentials' | 'default'
  token: string | null
  tokenFrom: 'MSX_API_TOKEN' | 'credentials' | null
  credentialsFile: string
  credentials: Credentials
  /** the stored sign-in for masterUrl, if any */
  signedIn: SignIn | null
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
  const credentials = readCredentials(credentialsFile)
  const masterUrl = e.MSX_URL ?? credentials.current ?? DEFAULT_MASTER_URL
  const signedIn = credentials.masters[masterUrl] ?? null
  return {
    masterUrl,
    masterFrom: e.MSX_URL ? 'MSX_URL' : credentials.current ? 'credentials' : 'default',
    token: e.MSX_API_TOKEN ?? signedIn?.token ?? null,
    tokenFrom: e.MSX_API_TOKEN ? 'MSX_API_TOKEN' : signedIn ? 'credentials' : null,
    credentialsFile,
    credentials,
    signedIn,
  }
}
