// Sentences Settings shows both in the administrator's form and in the read-only view of other roles.
import type { Config } from '@/lib/config'
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '@/lib/msx/operations'

export const INTERVAL_SCOPE =
  `${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS.toLocaleString('en-US')} s. Applies to target servers ` +
  'enlisted from now on; those enlisted already keep theirs (change them with Set polling interval in Post Instructions).'

/** Where the master's name came from; MSX_MASTER_NAME names the master at its first start only (ensureMaster). */
export function nameSource(cfg: Pick<Config, 'given'>): string {
  const origin = cfg.given.masterName ? 'MSX_MASTER_NAME' : "this machine's host name"
  return (
    `Set from ${origin} at first start and not read from it again: a name saved here stays after a restart. ` +
    'Enlisted target servers keep polling after a rename (agents trust the master by its CA fingerprint).'
  )
}
