/** What the enlist command needs to know of this master. */
export interface EnlistHints {
  /** the agent gateway's address as agents reach it, e.g. https://msx01.example.com:3443 */
  gatewayUrl: string
  /** the master's CA fingerprint, when its CA exists yet */
  caFingerprint: string | null
}

/** A value as one shell word: plain names stay as typed, anything else is single-quoted. */
function shellWord(value: string) {
  return /^[\w.:/@+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/**
 * The agent's enlist command for this master. With a token the target enlists at once; without one it asks and
 * waits until someone enlists it on the Target servers page.
 */
export function enlistCommand(hints: EnlistHints, name: string, token?: string) {
  return [
    'npx msx-agent enlist \\',
    `  --master ${hints.gatewayUrl} \\`,
    `  --name ${name.trim() ? shellWord(name.trim()) : 'NAME'} \\`,
    ...(token ? [`  --token ${token} \\`] : []),
    `  --ca-fingerprint ${hints.caFingerprint ?? 'sha256:<see msx ca-fingerprint>'}`,
  ].join('\n')
}
