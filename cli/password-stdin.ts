// Passwords come on standard input (--password-stdin), never as arguments: those show in `ps` and shell history.
import { UsageError } from './arguments'

export async function readPasswordFromStdin(given: boolean | undefined): Promise<string> {
  if (!given)
    throw new UsageError('Give the password on standard input with --password-stdin: echo "$PASSWORD" | msx ...')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // one line, as `echo` or a password manager writes it: the line ending is not part of the password
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (password === '') throw new UsageError('--password-stdin read no password: standard input was empty.')
  return password
}
