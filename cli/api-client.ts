// msx's side of the msx API: one POST per verb, as the signed-in user, to the master named by the settings.
import type { z } from 'zod'
import { type ClientSettings, clientSettings } from '../lib/cli/client-config'
import { HTTP_STATUS, MsxError, type MsxErrorCode, unauthenticated } from '../lib/msx/errors'
import type { CommandName, Commands } from '../server/api/commands'

/** A value as it comes back through JSON: dates as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T

export type ApiInput<K extends CommandName> = z.input<Commands[K]['input']>
export type ApiResult<K extends CommandName> = Json<Awaited<ReturnType<Commands[K]['run']>>>

const isKnownCode = (code: string | undefined): code is MsxErrorCode =>
  code !== undefined && Object.hasOwn(HTTP_STATUS, code)

let settings: ClientSettings | undefined
export function currentSettings(): ClientSettings {
  settings ??= clientSettings()
  return settings
}

function unreachable(url: string, error: unknown): MsxError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const why = cause?.code ?? cause?.message ?? (error as Error).message
  return new MsxError(
    'refused',
    `Cannot reach the master at ${url} (${why}): set MSX_URL to its address, or sign in again with msx login NAME --password-stdin --master URL.`,
  )
}

/** POSTs `body` to the API at `masterUrl`; a refusal is thrown as an MsxError with the master's message. */
export async function postJson(masterUrl: string, path: string, body: unknown, token?: string | null) {
  const url = `${masterUrl}/api/v1/${path}`
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
  } catch (error) {
    throw unreachable(masterUrl, error)
  }
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new MsxError(
      'refused',
      `${masterUrl} did not answer as an msx master (HTTP ${response.status}): is MSX_URL or --master the master's dashboard address?`,
    )
  }
  if (response.ok) return json
  const error = (json as { error?: { code?: string; message?: string } }).error
  const code = isKnownCode(error?.code) ? error.code : response.status === 400 ? 'invalid' : 'refused'
  throw new MsxError(code, error?.message ?? `The master refused the request (HTTP ${response.status}).`)
}

/** Another master's token would only be refused here, so msx says where it is signed in instead of sending it. */
function signedInElsewhere({ masterUrl, credentials }: ClientSettings): MsxError | null {
  const others = Object.keys(credentials.masters)
  if (others.length === 0) return null
  return unauthenticated(
    `You are signed in to ${others.join(' and ')}, not ${masterUrl}. Sign in there with: msx login NAME --password-stdin --master ${masterUrl}`,
  )
}

/** Runs one command of the API as the user signed in to the master it talks to. */
export async function callApi<K extends CommandName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const settings = currentSettings()
  if (settings.token === null) {
    const elsewhere = signedInElsewhere(settings)
    if (elsewhere) throw elsewhere
  }
  return (await postJson(settings.masterUrl, name, input, settings.token)) as ApiResult<K>
}
