import { z } from 'zod'

/** SQL Server compares object names case-insensitively: the key under which a name is unique. */
export function nameKey(name: string): string {
  return name.trim().toUpperCase()
}

/** A server name as SQL Server accepts it, with an optional instance (SERVER\INSTANCE). */
export const serverName = z
  .string({ error: 'A server name is required.' })
  .trim()
  .min(1, 'A server name is required.')
  .max(128, 'A server name has at most 128 characters.')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*(\\[A-Za-z0-9_$]+)?$/,
    'A server name starts with a letter or digit and holds only letters, digits, ".", "_", "-" (and an optional \\INSTANCE).',
  )

/** A name of a job, group, schedule or step: free text as SQL Server allows, trimmed, at most 128 characters. */
export const objectName = (what: string) =>
  z
    .string({ error: `A ${what} name is required.` })
    .trim()
    .min(1, `A ${what} name is required.`)
    .max(128, `A ${what} name has at most 128 characters.`)
