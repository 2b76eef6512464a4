// How a SQL step's process is started: this Node, with the TypeScript loader the agent itself runs with, on
// sql-child.ts; the connection URL (and its password) travels on standard input, never on the command line.
import path from 'node:path'

const childScript = path.join(import.meta.dirname, 'sql-child.ts')

export function sqlChildSpec(url: string, command: string) {
  return {
    file: process.execPath,
    args: ['--import', import.meta.resolve('tsx'), childScript],
    input: JSON.stringify({ url, command }),
  }
}
