// Generates the Prisma clients (one per provider) without the Prisma CLI's native schema engine,
// which it would otherwise try to download: generation does not need it, so point it at a stub that explains itself.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const stub = path.join(root, 'scripts', 'schema-engine-stub.sh')
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
}
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js')
if (!fs.existsSync(prisma)) process.exit(0) // production install without the CLI: clients must already be generated

for (const provider of ['sqlite', 'postgresql']) {
  const schema = path.join(root, 'prisma', provider, 'schema.prisma')
  execFileSync(process.execPath, [prisma, 'generate', '--schema', schema], { env, stdio: 'inherit', cwd: root })
}
