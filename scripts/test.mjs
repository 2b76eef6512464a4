// npm test: every check this project has, in order, stopping at the first failure; a summary with timings.
// System packages first: Debian's chromium (Playwright), PostgreSQL (the domain core's second database) and lintian.
import fs from 'node:fs'
import path from 'node:path'
import { sourceStamp, writeBuildStamp } from './lib/build-stamp.mjs'
import { describeFailures } from './lib/failures.mjs'
import { PLAYWRIGHT_REPORT, VITEST_REPORT } from './lib/reports.mjs'
import { bin, root, run } from './lib/run.mjs'

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const node =
  (script, ...args) =>
  () =>
    run(process.execPath, [script, ...args], { env })

function missingPackages() {
  const missing = []
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium')
  const pg = '/usr/lib/postgresql'
  const versions = fs.existsSync(pg) ? fs.readdirSync(pg) : []
  if (!versions.some((v) => fs.existsSync(path.join(pg, v, 'bin', 'initdb')))) missing.push('postgresql')
  // the agent's .deb is checked with Debian's own package checker
  if (!fs.existsSync('/usr/bin/lintian')) missing.push('lintian')
  return missing
}

async function systemPackages() {
  const missing = missingPackages()
  if (missing.length === 0) return 0
  if (process.getuid?.() !== 0) {
    console.error(`Missing system packages: install them with  sudo apt-get install -y ${missing.join(' ')}`)
    return 1
  }
  console.log(`Installing ${missing.join(', ')} with apt-get`)
  const apt = { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }
  const updated = await run('apt-get', ['update'], apt)
  return updated || run('apt-get', ['install', '-y', ...missing], apt)
}

// next build always runs here (never skipped by npm start's stamp); the stamp it leaves spares npm start a rebuild
async function nextBuild() {
  const stamp = sourceStamp()
  const code = await run(process.execPath, [bin.next, 'build'], { env: { ...env, NODE_ENV: 'production' } })
  if (code === 0) writeBuildStamp(stamp)
  return code
}

async function playwright() {
  const specs = fs.readdirSync(path.join(root, 'e2e')).filter((f) => /\.spec\.tsx?$/.test(f))
  if (specs.length === 0) return 'skipped: no e2e/*.spec.ts yet'
  return run(process.execPath, [bin.playwright, 'test'], { env })
}

function vitest() {
  const report = ['--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]
  return run(process.execPath, [bin.vitest, 'run', ...report], { env })
}

/** The report each test step leaves, and its kind, for the failures printed at the end. */
const reports = { vitest: VITEST_REPORT, playwright: PLAYWRIGHT_REPORT }

const steps = [
  ['system packages (chromium, postgresql, lintian)', systemPackages],
  ['prisma schemas up to date', node('scripts/prisma-schemas.mjs', '--check')],
  ['typecheck (tsc --noEmit)', node(bin.tsc, '--noEmit')],
  ['lint and format (biome ci)', node(bin.biome, 'ci', ...(process.stdout.isTTY ? [] : ['--colors=off']), '.')],
  ['unit and integration tests (vitest)', vitest, 'vitest'],
  ['production build (next build)', nextBuild],
  ['browser tests (playwright)', playwright, 'playwright'],
]

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`.padStart(7)
const results = []
let failed
let failures = ''
for (const [name, step, tests] of steps) {
  console.log(`\n=== ${name}`)
  if (tests) fs.rmSync(path.join(root, reports[tests]), { force: true })
  const started = Date.now()
  const outcome = await step()
  const took = Date.now() - started
  if (typeof outcome === 'number' && outcome !== 0) {
    results.push(`  FAILED ${seconds(took)}  ${name} (exit code ${outcome})`)
    failed = name
    if (tests) failures = describeFailures(tests, path.join(root, reports[tests]))
    break
  }
  results.push(`  ok     ${seconds(took)}  ${name}${typeof outcome === 'string' ? ` (${outcome})` : ''}`)
}
for (const [name] of steps.slice(results.length)) results.push(`  -      ${' '.repeat(7)}  ${name} (not run)`)

if (failures) console.log(`\n=== what failed\n${failures}`)
console.log(`\n=== summary\n${results.join('\n')}`)
console.log(failed ? `\nnpm test FAILED at: ${failed}` : '\nnpm test passed')
const passedSteps = results.filter((line) => line.startsWith('  ok')).length
console.log(`steps: ${passedSteps} passed, ${failed ? 1 : 0} failed`)
process.exit(failed ? 1 : 0)
