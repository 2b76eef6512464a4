// The entry of the agent's one-file bundle (dist/agent/msx-agent.mjs): it says where its native module and
// package folder are, then runs the command line, or a SQL step when started as one.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAsBundle, SQL_CHILD_ARGUMENT } from '../runtime'
import { NATIVE_MODULE_FILE } from './files'

const script = fileURLToPath(import.meta.url)
runAsBundle({
  script,
  nativeBinding: path.join(path.dirname(script), NATIVE_MODULE_FILE),
  packageDir: path.resolve(path.dirname(script), '..'),
})

if (process.argv[2] === SQL_CHILD_ARGUMENT) {
  const { runSqlChild } = await import('../runner/sql-child-run')
  runSqlChild()
} else {
  await import('../cli')
}
