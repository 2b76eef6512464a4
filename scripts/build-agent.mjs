// Bundles msx-agent into one JavaScript file with esbuild (dist/agent/msx-agent.mjs) and copies better-sqlite3's
// native module, compiled for this platform, beside it: together they run with node alone, no node_modules.
// `node scripts/build-agent.mjs --if-stale` builds only when a source changed since the last bundle.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { root } from './lib/run.mjs'

export const agentDist = path.join(root, 'dist', 'agent')
const bundleFile = path.join(agentDist, 'msx-agent.mjs')
const nativeFile = path.join(agentDist, 'better_sqlite3.node')
const metaFile = path.join(agentDist, 'meta.json')

/** Whether the bundle is older than one of the files it was made of (or than the lockfile), or missing. */
export function agentBundleIsStale() {
  if (!fs.existsSync(bundleFile) || !fs.existsSync(nativeFile) || !fs.existsSync(metaFile)) return true
  const built = fs.statSync(bundleFile).mtimeMs
  const inputs = Object.keys(JSON.parse(fs.readFileSync(metaFile, 'utf8')).inputs)
  return [...inputs, 'package-lock.json'].some((input) => {
    try {
      return fs.statSync(path.join(root, input)).mtimeMs > built
    } catch {
      return true
    }
  })
}

export async function buildAgent() {
  // loaded here, not at the top: npm start imports this file to check whether the bundle is current
  const { build } = await import('esbuild')
  fs.mkdirSync(agentDist, { recursive: true })
  // written aside, then renamed into place: a package made meanwhile (or a second build) never reads half a file
  const staging = fs.mkdtempSync(path.join(root, 'dist', 'agent-build-'))
  const staged = (file) => path.join(staging, path.basename(file))
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'agent', 'bundle', 'main.ts')],
    outfile: staged(bundleFile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    // better-sqlite3 is given its native module by path (nativeBinding); `bindings`, its lookup otherwise, never runs
    external: ['bindings'],
    // the CommonJS libraries inside (pino, pg, commander) call require, which an ES module lacks
    banner: {
      js: "import { createRequire as __msxRequire } from 'node:module'; const require = __msxRequire(import.meta.url);",
    },
  })
  const require = createRequire(import.meta.url)
  const nativeSource = path.join(
    path.dirname(require.resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  )
  fs.copyFileSync(nativeSource, staged(nativeFile))
  fs.writeFileSync(staged(metaFile), JSON.stringify(result.metafile))
  for (const name of fs.readdirSync(staging)) fs.renameSync(path.join(staging, name), path.join(agentDist, name))
  fs.rmSync(staging, { recursive: true, force: true })
  return { bundleFile, nativeFile }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !agentBundleIsStale()) process.exit(0)
  const started = Date.now()
  const { bundleFile: file } = await buildAgent()
  const size = (name) => fs.statSync(name).size
  console.log(
    `Built ${path.relative(root, file)} (${(size(file) / 1e6).toFixed(1)} MB, its native module ${(size(nativeFile) / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms.`,
  )
}
