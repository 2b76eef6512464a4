// msx's credentials file: one API token per master, keyed by the master's address, and the master signed in to
// last (the default without MSX_URL). A file from before (one master, one token) is read as that master's entry
// and written in this form at the next sign-in or sign-out.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ClientConfigError } from './config-error'
import { masterUrlSchema } from './master-address'

const signInSchema = z.object({
  token: z.string().min(1),
  name: z.string().optional(),
  role: z.string().optional(),
})
export type SignIn = z.infer<typeof signInSchema>

const credentialsSchema = z.object({
  version: z.literal(2),
  current: masterUrlSchema.optional(),
  masters: z.record(masterUrlSchema, signInSchema),
})
export type Credentials = z.infer<typeof credentialsSchema>

const singleMasterSchema = z.object({
  master: masterUrlSchema,
  token: z.string().min(1).optional(),
  name: z.string().optional(),
  role: z.string().optional(),
})

export const NO_CREDENTIALS: Credentials = { version: 2, masters: {} }

const fromSingleMaster = ({ master, token, name, role }: z.infer<typeof singleMasterSchema>): Credentials => ({
  version: 2,
  current: master,
  masters: token ? { [master]: { token, name, role } } : {},
})

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function whatIsWrong(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'the file'
  return `${where}: ${issue?.message ?? 'not valid'}`
}

function garbled(file: string, why: string) {
  return new ClientConfigError(
    `${file} is not a valid msx credentials file (${why}): delete it, then sign in again with msx login NAME --password-stdin --master URL.`,
  )
}

function parseCredentials(file: string, text: string): Credentials {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw garbled(file, 'it is not JSON')
  }
  if (isObject(json) && 'master' in json && !('masters' in json)) {
    const single = singleMasterSchema.safeParse(json)
    if (!single.success) throw garbled(file, whatIsWrong(single.error))
    return fromSingleMaster(single.data)
  }
  const parsed = credentialsSchema.safeParse(json)
  if (!parsed.success) throw garbled(file, whatIsWrong(parsed.error))
  return parsed.data
}

/** The file's credentials; none when there is no file yet. */
export function readCredentials(file: string): Credentials {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_CREDENTIALS
    throw new ClientConfigError(`Cannot read ${file}: ${(error as Error).message}. Check its owner and permissions.`)
  }
  return parseCredentials(file, text)
}

/** Writes the credentials readable by their owner only (0600, in a 0700 folder), replacing the file whole. */
export function writeCredentials(file: string, credentials: Credentials) {
  const dir = path.dirname(file)
  if (fs.mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(dir, 0o700)
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
  fs.chmodSync(temporary, 0o600)
  fs.renameSync(temporary, file)
}

/** Adds or replaces one master's sign-in, keeping the others', and makes it the default master. */
export function storeSignIn(file: string, master: string, signIn: SignIn) {
  const credentials = readCredentials(file)
  writeCredentials(file, { ...credentials, current: master, masters: { ...credentials.masters, [master]: signIn } })
}

/** Forgets one master's sign-in, keeping the others'. */
export function forgetSignIn(file: string, master: string) {
  const credentials = readCredentials(file)
  const { [master]: _forgotten, ...others } = credentials.masters
  writeCredentials(file, { ...credentials, masters: others })
}
