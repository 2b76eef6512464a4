// The agent's enlist command as the dashboard shows it, filled in for this master.
import { shellWord } from '@/lib/shell-word'

/** What the enlist command needs to know of this master. */
export interface EnlistHints {
  /** the agent gateway's address as agents reach it, e.g. https://msx01.example.com:3443 */
  gatewayUrl: string
  /** the master's CA fingerprint, when its CA exists yet */
  caFingerprint: string | null
}

/**
 * The agent's enlist command for this master. With a token the target enlists at once; without one it asks and
 * waits until someone enlists it on the Target servers page.
 */
export function enlistCommand(hints: EnlistHints, target: { name: string; location?: string }, token?: string) {
  const location = target.location?.trim()
  return [
    'npx msx-agent enlist \\',
    `  --master ${hints.gatewayUrl} \\`,
    `  --name ${target.name.trim() ? shellWord(target.name.trim()) : 'NAME'} \\`,
    ...(location ? [`  --location ${shellWord(location)} \\`] : []),
    ...(token ? [`  --token ${token} \\`] : []),
    `  --ca-fingerprint ${hints.caFingerprint ?? 'sha256:<see msx ca-fingerprint>'}`,
  ].join('\n')
}

/** msx-agent doctor for this master: run on the target when it cannot enlist, it says which step fails. */
export function doctorCommand(hints: EnlistHints, target: { name: string }) {
  const name = target.name.trim()
  return [
    'npx msx-agent doctor \\',
    `  --master ${hints.gatewayUrl} \\`,
    ...(name ? [`  --name ${shellWord(name)} \\`] : []),
    `  --ca-fingerprint ${hints.caFingerprint ?? 'sha256:<see msx ca-fingerprint>'}`,
  ].join('\n')
}
