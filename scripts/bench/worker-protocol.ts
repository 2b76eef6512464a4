// What the benchmark asks of its load-generating process, and how it answers: checked on arrival.
import { z } from 'zod'

const swarm = z.object({
  master: z.string(),
  prefix: z.string(),
  count: z.number().int().positive(),
  token: z.string().optional(),
  caPem: z.string(),
  dataDir: z.string(),
  enlistConcurrency: z.number().int().positive(),
  rampUpSeconds: z.number().min(0),
})
export type SwarmSpec = z.infer<typeof swarm>

export const workerCommand = z.discriminatedUnion('kind', [
  /** enlist the virtual targets through the protocol, without polling */
  z.object({ kind: z.literal('enlist'), swarm }),
  /** empty non-waiting polls (or the baseline's requests) from `connections` targets at saturation */
  z.object({
    kind: z.literal('saturate'),
    url: z.string(),
    caPem: z.string(),
    dataDir: z.string(),
    connections: z.number().int().positive(),
    pipeline: z.number().int().positive(),
    warmupMs: z.number().int().min(0),
    durationMs: z.number().int().positive(),
    serverPid: z.number().int().positive(),
  }),
  /** start every target long-polling; answers once all hold a poll open */
  z.object({ kind: z.literal('long-poll'), swarm }),
  /** when each target received the SET-POLL carrying `value` (epoch ms); waits for all or the timeout */
  z.object({ kind: z.literal('arrivals'), value: z.string(), timeoutMs: z.number().int().positive() }),
  /** when the master had taken `count` acknowledgements since `since` (epoch ms); waits for them or the timeout */
  z.object({
    kind: z.literal('acknowledged'),
    since: z.number(),
    count: z.number().int().positive(),
    timeoutMs: z.number().int().positive(),
  }),
  /** waits until every target holds a long poll open again */
  z.object({ kind: z.literal('settled'), timeoutMs: z.number().int().positive() }),
  z.object({ kind: z.literal('stop-swarm') }),
  /** one poll from each virtual target of `dataDir`, held open by the baseline; answers once all are sent */
  z.object({ kind: z.literal('hold'), url: z.string(), caPem: z.string(), dataDir: z.string() }),
  /** when each held poll was answered (epoch ms); waits for `count` answers or the timeout; `last` closes them */
  z.object({
    kind: z.literal('held-arrivals'),
    count: z.number().int().positive(),
    timeoutMs: z.number().int().positive(),
    last: z.boolean(),
  }),
])
export type WorkerCommand = z.infer<typeof workerCommand>

export const workerRequest = z.object({ id: z.number().int(), command: workerCommand })

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string }
