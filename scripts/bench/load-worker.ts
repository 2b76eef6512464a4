// The benchmark's load-generating process (forked by scripts/bench/main.ts, so the master keeps a core of its
// own): enlists and runs virtual targets through agent/simulate, and drives raw saturation load.
import fs from 'node:fs'
import path from 'node:path'
import { AGENT_VERSION } from '../../agent/environment'
import { IdentityStore } from '../../agent/simulate/identities'
import { Swarm } from '../../agent/simulate/swarm'
import type { PollRequest } from '../../lib/protocol/agent-v1'
import { summarize } from '../../lib/stats/percentiles'
import { HeldRequests } from './hold-load'
import { cpuSeconds, processTree } from './proc'
import { saturate } from './raw-load'
import { type SwarmSpec, type WorkerCommand, type WorkerReply, workerRequest } from './worker-protocol'

const arrivals = new Map<string, number[]>()
/** when each acknowledgement was taken by the master, in order */
const acknowledged: number[] = []
let held: HeldRequests | null = null
let running: { swarm: Swarm; stop: AbortController; done: Promise<void> } | null = null

async function openSwarm(spec: SwarmSpec, signal: AbortSignal) {
  const caFile = path.join(spec.dataDir, 'ca.pem')
  fs.mkdirSync(spec.dataDir, { recursive: true })
  fs.writeFileSync(caFile, spec.caPem)
  return Swarm.open(
    {
      master: spec.master,
      count: spec.count,
      token: spec.token,
      caFile,
      encrypt: 'strict',
      prefix: spec.prefix,
      dataDir: spec.dataDir,
      failSteps: false,
      enlistConcurrency: spec.enlistConcurrency,
      location: 'benchmark',
    },
    signal,
    (line) => console.error(`[load] ${line}`),
    {
      onAcknowledged(_target, _count, at) {
        acknowledged.push(at)
      },
      onInstruction(_target, instruction, receivedAt) {
        if (instruction.operation !== 'SET-POLL' || instruction.value === null) return
        const list = arrivals.get(instruction.value) ?? []
        list.push(receivedAt)
        arrivals.set(instruction.value, list)
      },
    },
  )
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  return check()
}

function emptyPoll(): string {
  const body: PollRequest = {
    agentVersion: AGENT_VERSION,
    localTime: new Date().toISOString(),
    pollIntervalSeconds: 60,
    spoolDepth: 0,
    spoolOldestAt: null,
    waitSeconds: 0,
  }
  return JSON.stringify(body)
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.kind) {
    case 'enlist': {
      const swarm = await openSwarm(command.swarm, new AbortController().signal)
      const started = performance.now()
      await swarm.enlistAll()
      return {
        enlisted: swarm.stats.enlisted,
        errors: swarm.stats.errors,
        seconds: (performance.now() - started) / 1000,
      }
    }
    case 'saturate': {
      const identities = new IdentityStore(command.dataDir).all().slice(0, command.connections)
      const server = processTree(command.serverPid)
      let serverCpu = 0
      let clientCpu = process.cpuUsage()
      let window = performance.now()
      const result = await saturate({
        url: command.url,
        caPem: command.caPem,
        path: '/agent/v1/poll',
        identities,
        body: emptyPoll,
        pipeline: command.pipeline,
        warmupMs: command.warmupMs,
        durationMs: command.durationMs,
        onWindow(edge) {
          if (edge === 'open') {
            serverCpu = cpuSeconds(server)
            clientCpu = process.cpuUsage()
            window = performance.now()
          } else {
            serverCpu = cpuSeconds(server) - serverCpu
            clientCpu = process.cpuUsage(clientCpu)
            window = performance.now() - window
          }
        },
      })
      return {
        requests: result.requests,
        errors: result.errors,
        seconds: result.seconds,
        statuses: result.statuses,
        latency: summarize(result.latencies),
        connections: identities.length,
        // CPU over the window as the clock measured it, scaled to the nominal window the requests are counted in
        serverCpuSeconds: (serverCpu * result.seconds * 1000) / window,
        clientCpuSeconds: ((clientCpu.user + clientCpu.system) / 1e6) * ((result.seconds * 1000) / window),
      }
    }
    case 'long-poll': {
      const stop = new AbortController()
      const swarm = await openSwarm(command.swarm, stop.signal)
      running = { swarm, stop, done: swarm.run(command.swarm.rampUpSeconds) }
      const started = performance.now()
      const all = await until(() => swarm.stats.waiting === command.swarm.count, 120_000)
      return { waiting: swarm.stats.waiting, all, seconds: (performance.now() - started) / 1000 }
    }
    case 'arrivals': {
      const count = running?.swarm.stats.count ?? 0
      await until(() => (arrivals.get(command.value)?.length ?? 0) >= count, command.timeoutMs)
      return { arrivals: arrivals.get(command.value) ?? [], expected: count }
    }
    case 'acknowledged': {
      // the moment the master had taken `count` acknowledgements sent after `since`
      const taken = () => acknowledged.filter((at) => at >= command.since)
      await until(() => taken().length >= command.count, command.timeoutMs)
      return { at: taken()[command.count - 1] ?? null, taken: taken().length }
    }
    case 'settled': {
      const swarm = running?.swarm
      // every target's poll sent, and no acknowledgement or re-poll for a second: the master holds them all
      let since = 0
      const all = await until(() => {
        if (!swarm || swarm.stats.waiting !== swarm.stats.count) since = 0
        else since ||= performance.now()
        return since > 0 && performance.now() - since >= 1000
      }, command.timeoutMs)
      return { all, rssMb: process.memoryUsage.rss() / 1024 / 1024 }
    }
    case 'hold': {
      held ??= new HeldRequests()
      const identities = new IdentityStore(command.dataDir).all()
      await held.send(new URL(command.url), command.caPem, identities, emptyPoll())
      return {
        sent: identities.length - held.errors,
        errors: held.errors,
        rssMb: process.memoryUsage.rss() / 1024 / 1024,
      }
    }
    case 'held-arrivals': {
      const requests = held
      if (!requests) throw new Error('no requests are held')
      await until(() => requests.arrivals.length >= command.count, command.timeoutMs)
      if (command.last) {
        requests.close()
        held = null
      }
      return { arrivals: requests.arrivals }
    }
    case 'stop-swarm': {
      running?.stop.abort()
      await running?.done
      const stats = running?.swarm.stats
      running = null
      return { polls: stats?.polls, errors: stats?.errors }
    }
  }
}

process.on('message', (message) => {
  const parsed = workerRequest.safeParse(message)
  if (!parsed.success) return process.send?.({ id: -1, ok: false, error: parsed.error.message } satisfies WorkerReply)
  const { id, command } = parsed.data
  handle(command).then(
    (result) => process.send?.({ id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => process.send?.({ id, ok: false, error: String(error) } satisfies WorkerReply),
  )
})
process.once('disconnect', () => {
  running?.stop.abort()
  process.exit(0)
})
