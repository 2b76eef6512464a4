// npm start: builds the dashboard when the sources changed since the last build, then runs the master
// in production mode. Signals are passed on and the master's exit code is ours.
import os from 'node:os'
import { agentBundleIsStale, buildAgent } from './build-agent.mjs'
import { buildIsCurrent, sourceStamp, writeBuildStamp } from './lib/build-stamp.mjs'
import { bin, run } from './lib/run.mjs'

const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }

function exitLike(code) {
  // a signal that ended the child ends us the same way, so whoever started npm sees it
  const signal = Object.entries(os.constants.signals).find(([, n]) => 128 + n === code)?.[0]
  if (code > 128 && signal) process.kill(process.pid, signal)
  process.exit(code)
}

// the agent bundle, which agent packages carry: seconds to build, so built here whenever a source is newer
if (agentBundleIsStale()) {
  console.log('Building the agent bundle (dist/agent): a source changed since the last bundle, or there is none.')
  await buildAgent()
}

const stamp = sourceStamp()
if (!buildIsCurrent(stamp)) {
  console.log('Building the dashboard (next build): the sources changed since the last build, or there is none.')
  const code = await run(process.execPath, [bin.next, 'build'], { env })
  if (code !== 0) {
    console.error(`next build failed (exit code ${code}): the master was not started.`)
    exitLike(code)
  }
  writeBuildStamp(stamp)
}

// tsx as a loader in this same process (not the tsx CLI, which would add a process between us and the master)
exitLike(await run(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env }))
