// msx-agent simulate: runs a swarm of virtual targets until interrupted, printing one summary line every few
// seconds. Identities stay in the data folder, so the next run polls again without enlisting.
import { AgentError } from '../errors'
import { parseSimulateOptions } from './options'
import { Swarm } from './swarm'

export async function simulate(raw: Record<string, unknown>, signal: AbortSignal): Promise<void> {
  let options: ReturnType<typeof parseSimulateOptions>
  try {
    options = parseSimulateOptions(raw)
  } catch (error) {
    throw new AgentError((error as Error).message, 2)
  }
  const stamp = () => new Date().toISOString().slice(11, 19)
  const say = (line: string) => console.log(`${stamp()} ${line}`)
  const swarm = await Swarm.open(options, signal, say)
  say(
    `simulating ${options.count} target(s) ${options.prefix}-* against ${options.master} (data in ${options.dataDir}); stop with Ctrl-C`,
  )
  const summary =
    options.reportEverySeconds > 0
      ? setInterval(() => say(swarm.stats.line()), options.reportEverySeconds * 1000)
      : null
  try {
    await swarm.run(options.rampUpSeconds)
  } finally {
    if (summary) clearInterval(summary)
    say(swarm.stats.line())
  }
  if (!signal.aborted)
    throw new AgentError(
      `every virtual target stopped (${swarm.stats.errors} error(s) above): nothing left to simulate.`,
    )
  say('stopped; identities kept for the next run')
}
