import { z } from 'zod'

/** SQL Server compares object names case-insensitively: the key under which a name is unique. */
export function nameKey(name: string): string {
  return name.trim().toUpperCase()
}

/** Whether two names stand for the same object, as SQL Server compares them. */
export function sameName(a: string, b: string | null | undefined): boolean {
  return b !== null && b !== undefined && nameKey(a) === nameKey(b)
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

/** Beyond this many target servers named at once (a selection, a bulk post), an input is refused. */
export const MAX_NAMED_TARGETS = 100_000

/** Target servers named in one input, as every face names them (the dashboard's selection, the msx API). */
export const serverNames = z
  .array(serverName, { error: 'Name the target servers: a list of names.' })
  .min(1, 'Select at least one target server.')
  .max(MAX_NAMED_TARGETS, `Select at most ${MAX_NAMED_TARGETS.toLocaleString('en-US')} target servers at once.`)

/** A name of a job, group, schedule or step: free text as SQL Server allows, trimmed, at most 128 characters. */
export const objectName = (what: string) =>
  z
    .string({ error: `A ${what} name is required.` })
    .trim()
    .min(1, `A ${what} name is required.`)
    .max(128, `A ${what} name has at most 128 characters.`)

export const groupName = objectName('group')
export const jobName = objectName('job')
