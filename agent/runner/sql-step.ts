// How a SQL step's process is started: this Node on the agent's own bundle (with __sql-step), or from the sources
// with the TypeScript loader the agent itself runs with, on sql-child.ts; the connection URL (and its password)
// travels on standard input, never on the command line.
import path from 'node:path'
import { bundleRuntime, SQL_CHILD_ARGUMENT } from '../runtime'

export function sqlChildSpec(url: string, command: string) {
  const bundle = bundleRuntime()
  const args = bundle
    ? [bundle.script, SQL_CHILD_ARGUMENT]
    : ['--import', import.meta.resolve('tsx'), path.join(import.meta.dirname, 'sql-child.ts')]
  return { file: process.execPath, args, input: JSON.stringify({ url, command }) }
}
