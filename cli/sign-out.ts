// msx logout: revokes a master's API token and forgets it, leaving the sign-ins to other masters as they are.
import type { ClientSettings } from '../lib/cli/client-config'
import { forgetSignIn } from '../lib/cli/credentials-file'
import { isMsxError } from '../lib/msx/errors'
import { postJson } from './api-client'

/** Revokes `token` on `master`; forgets the stored sign-in when it holds that token. Returns what happened. */
async function signOut(settings: ClientSettings, master: string, token: string): Promise<string> {
  let outcome = 'the API token is revoked'
  try {
    await postJson(master, 'logout', {}, token)
  } catch (error) {
    // an expired or revoked token signs nobody in: forgetting it is all that is left to do
    if (!isMsxError(error) || error.code !== 'unauthenticated') throw error
    outcome = 'the API token was no longer valid'
  }
  if (settings.credentials.masters[master]?.token === token) forgetSignIn(settings.credentialsFile, master)
  return `Signed out of ${master}: ${outcome}.`
}

function stillSignedIn(settings: ClientSettings, except: string[]): string {
  const others = Object.keys(settings.credentials.masters).filter((master) => !except.includes(master))
  return others.length === 0 ? '' : ` Still signed in to ${others.join(' and ')}.`
}

/** Signs out of one master: the one given, or the one msx talks to. */
export async function signOutOfOne(settings: ClientSettings, master: string): Promise<string> {
  const token =
    settings.tokenFrom === 'MSX_API_TOKEN' ? settings.token : (settings.credentials.masters[master]?.token ?? null)
  if (token === null) return `You are not signed in to ${master}: nothing to sign out of.${stillSignedIn(settings, [])}`
  return (await signOut(settings, master, token)) + stillSignedIn(settings, [master])
}

/** Signs out of every master with a stored sign-in; one that cannot be reached keeps its token, to try again. */
export async function signOutOfAll(settings: ClientSettings): Promise<{ done: string[]; failed: string[] }> {
  const done: string[] = []
  const failed: string[] = []
  for (const [master, { token }] of Object.entries(settings.credentials.masters)) {
    try {
      done.push(await signOut(settings, master, token))
    } catch (error) {
      failed.push(
        `Could not sign out of ${master} (${(error as Error).message}); its token is kept: try again with msx logout --master ${master}.`,
      )
    }
  }
  if (done.length === 0 && failed.length === 0) done.push('You are not signed in to any master.')
  return { done, failed }
}
