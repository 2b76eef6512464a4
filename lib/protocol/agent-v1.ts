// The agent protocol, version 1: JSON over HTTPS under /agent/v1/. Both ends validate every body with these
// schemas. docs/agent-protocol.md describes each request, response and error.
import { z } from 'zod'

export const PROTOCOL_PREFIX = '/agent/v1'
export const MAX_BODY_BYTES = 256 * 1024
/** The longest a poll is held open waiting for something to do. */
export const MAX_LONG_POLL_SECONDS = 300

const isoDate = z.iso.datetime({ offset: true })

export const enlistRequest = z.strictObject({
  name: z.string().min(1).max(128),
  location: z.string().max(200).default(''),
  timeZoneOffsetMinutes: z.number().int().min(-840).max(840),
  agentVersion: z.string().min(1).max(50),
  runAsAccount: z.string().max(200).optional(),
  encryptionMode: z.enum(['strict', 'no-verify', 'off']).default('strict'),
  csrPem: z.string().min(1).max(20_000),
  token: z.string().min(1).max(200).optional(),
  /** the master the agent is enlisted into already, if any */
  currentMaster: z.string().max(128).optional(),
  /** the target's own clock; older agents do not send it */
  localTime: isoDate.optional(),
})
export type EnlistRequest = z.input<typeof enlistRequest>

export const enlistStatusRequest = z.strictObject({
  name: z.string().min(1).max(128),
  csrPem: z.string().min(1).max(20_000),
})

export const enlistResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('enlisted'),
    name: z.string(),
    certificatePem: z.string(),
    caPem: z.string(),
    master: z.object({ name: z.string(), version: z.string() }),
    pollIntervalSeconds: z.number().int(),
  }),
  z.object({ status: z.literal('pending'), retryAfterSeconds: z.number().int() }),
  z.object({ status: z.literal('rejected'), reason: z.string() }),
])
export type EnlistResponse = z.infer<typeof enlistResponse>

export const pollRequest = z.strictObject({
  agentVersion: z.string().min(1).max(50),
  /** the target's own clock */
  localTime: isoDate,
  pollIntervalSeconds: z.number().int().min(1).max(28_800),
  spoolDepth: z.number().int().min(0).default(0),
  spoolOldestAt: isoDate.nullable().default(null),
  /** hold the poll open up to this long while there is nothing to do (0: answer at once) */
  waitSeconds: z.number().int().min(0).max(MAX_LONG_POLL_SECONDS).default(0),
})
export type PollRequest = z.input<typeof pollRequest>

export const jobStepPayload = z.object({
  stepNumber: z.number().int(),
  name: z.string(),
  kind: z.string(),
  command: z.string(),
  connection: z.string().nullable(),
  proxy: z.string().nullable(),
  onSuccess: z.string(),
  onFailure: z.string(),
  retryAttempts: z.number().int(),
  retryIntervalSeconds: z.number().int(),
  timeoutSeconds: z.number().int().nullable(),
})

export const jobPayload = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  description: z.string(),
  enabled: z.boolean(),
  category: z.string(),
  steps: z.array(jobStepPayload),
  schedules: z.array(
    z.object({
      name: z.string(),
      enabled: z.boolean(),
      cron: z.string().nullable(),
      runAt: z.string().nullable(),
      // absent from masters before them: a schedule without a window, a job not paused
      startsAt: z.string().nullable().optional(),
      endsAt: z.string().nullable().optional(),
    }),
  ),
  pausedUntil: z.string().nullable().optional(),
})
export type JobPayload = z.infer<typeof jobPayload>

export const instruction = z.object({
  id: z.number().int(),
  operation: z.enum(['INSERT', 'UPDATE', 'DELETE', 'START', 'STOP', 'RE-ENLIST', 'DEFECT', 'SYNC-TIME', 'SET-POLL']),
  objectType: z.enum(['JOB', 'SERVER']),
  objectId: z.number().int().nullable(),
  objectName: z.string().nullable(),
  value: z.string().nullable(),
  /** INSERT and UPDATE: the whole job */
  job: jobPayload.nullable(),
  /** SYNC-TIME: the master's clock when the instruction was sent */
  masterTime: isoDate.nullable(),
})
export type Instruction = z.infer<typeof instruction>

export const pollResponse = z.object({
  serverTime: isoDate,
  /** the target's clock minus the master's when the poll arrived */
  clockSkewMs: z.number().int(),
  pollIntervalSeconds: z.number().int(),
  instructions: z.array(instruction),
  /** set while an instruction's error blocks further downloads */
  blockedBy: z.object({ id: z.number().int(), errorMessage: z.string() }).nullable(),
})
export type PollResponse = z.infer<typeof pollResponse>

export const ackRequest = z.strictObject({
  acks: z
    .array(z.strictObject({ id: z.number().int(), ok: z.boolean(), error: z.string().max(2000).optional() }))
    .min(1)
    .max(1000),
})
export const ackResponse = z.object({ enlisted: z.boolean() })

/** How a job or step run ended, as sysjobhistory's run_status: 0 failed, 1 succeeded, 2 retry, 3 canceled. */
export const RUN_STATUS = { failed: 0, succeeded: 1, retry: 2, canceled: 3 } as const
export type RunStatus = (typeof RUN_STATUS)[keyof typeof RUN_STATUS]
export const MAX_OUTCOMES_PER_UPLOAD = 500
/** A step's captured output travels at most this long (the agent keeps its tail). */
export const MAX_OUTCOME_OUTPUT_CHARS = 70_000

/** One step run (stepNumber >= 1) or a job's own outcome (stepNumber 0), recorded on the target. */
export const outcomeRecord = z.strictObject({
  /** unique per outcome: the master stores an outcome once however often it is sent */
  idempotencyKey: z.string().min(1).max(200),
  runId: z.string().min(1).max(100),
  jobId: z.number().int(),
  jobName: z.string().min(1).max(128),
  stepNumber: z.number().int().min(0),
  stepName: z.string().max(128),
  runStatus: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  message: z.string().max(4000),
  output: z.string().max(MAX_OUTCOME_OUTPUT_CHARS),
  startedAt: isoDate,
  durationMs: z.number().int().min(0),
  retriesAttempted: z.number().int().min(0),
})
export type OutcomeRecord = z.infer<typeof outcomeRecord>

/** A run in progress on the target: the step it is on (none before its first step starts) and since when. */
export const runProgress = z.strictObject({
  runId: z.string().min(1).max(100),
  jobId: z.number().int(),
  jobName: z.string().min(1).max(128),
  startedAt: isoDate,
  stepNumber: z.number().int().min(1).nullable(),
  stepName: z.string().max(128).nullable(),
  stepStartedAt: isoDate.nullable(),
})
export type RunProgress = z.infer<typeof runProgress>
/** More runs than this at once on one target is not a target's job load: the rest are left unreported. */
export const MAX_RUNS_IN_PROGRESS = 1000

export const outcomesRequest = z
  .strictObject({
    outcomes: z.array(outcomeRecord).max(MAX_OUTCOMES_PER_UPLOAD),
    /** what still waits in the agent's spool once this batch is stored */
    spool: z.strictObject({ depth: z.number().int().min(0), oldestAt: isoDate.nullable() }).optional(),
    /** every run in progress on the target as the upload is sent (agents that report progress); absent: unknown */
    running: z.array(runProgress).max(MAX_RUNS_IN_PROGRESS).optional(),
  })
  .refine((body) => body.outcomes.length > 0 || body.running !== undefined, {
    error: 'An upload carries at least one outcome, or the runs in progress.',
    path: ['outcomes'],
  })
/** stored: new to the master; duplicates: sent before and ignored. */
export const outcomesResponse = z.object({ stored: z.number().int(), duplicates: z.number().int() })

export const reenlistRequest = z.strictObject({
  location: z.string().max(200),
  timeZoneOffsetMinutes: z.number().int().min(-840).max(840),
  agentVersion: z.string().min(1).max(50),
  runAsAccount: z.string().max(200).optional(),
  pollIntervalSeconds: z.number().int().min(10).max(28_800),
})

export const reenlistResponse = z.object({ ok: z.literal(true) })

export const defectResponse = z.object({ defected: z.literal(true) })

/** doctor: a question that changes nothing on the master (no poll recorded, nothing written). */
export const helloRequest = z.strictObject({})

/** What the master says of the client certificate a hello came with (null: it came without one). */
export const certificateStanding = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    targetName: z.string(),
    /** unread instructions waiting for this target (status 0 in the download list) */
    pendingInstructions: z.number().int(),
    /** set while an instruction's error blocks further downloads */
    blockedBy: z.object({ id: z.number().int(), errorMessage: z.string() }).nullable(),
  }),
  z.object({
    status: z.literal('revoked'),
    targetName: z.string(),
    reason: z.string(),
    revokedAt: isoDate,
    message: z.string(),
  }),
  z.object({ status: z.literal('unknown'), message: z.string() }),
])
export type CertificateStanding = z.infer<typeof certificateStanding>

export const helloResponse = z.object({
  master: z.object({ name: z.string(), version: z.string() }),
  /** the agent versions this master accepts, as a sentence (lib/msx/versions acceptedVersions) */
  acceptedAgentVersions: z.string(),
  /** the master's clock when it answered */
  serverTime: isoDate,
  certificate: certificateStanding.nullable(),
})
export type HelloResponse = z.infer<typeof helloResponse>

/** Every code the gateway refuses with; docs/agent-protocol.md gives each one's status and meaning. */
export const REFUSAL_CODES = [
  // the body and the route (server/http-json.ts, server/gateway/index.ts)
  'invalid_json',
  'invalid_body',
  'not_found',
  'method_not_allowed',
  'body_too_large',
  'unsupported_media_type',
  'internal',
  // the gateway's own
  'invalid_csr',
  'request_unknown',
  'certificate_missing',
  'certificate_unknown',
  'certificate_revoked',
  'version_refused',
  'shutting_down',
  // rules of lib/msx the gateway relays (MsxErrorCode)
  'invalid',
  'refused',
  'conflict',
] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

/** The refusals no retry can mend: msx-agent run and the simulator's targets stop for good on them. */
export const FINAL_REFUSAL_CODES = [
  'certificate_revoked',
  'certificate_unknown',
  'version_refused',
] as const satisfies readonly RefusalCode[]
const finalRefusals: ReadonlySet<string> = new Set(FINAL_REFUSAL_CODES)

/** A string, not a RefusalCode: the code comes off the wire, maybe from a newer master. */
export function isFinalRefusal(code: string): boolean {
  return finalRefusals.has(code)
}

/**
 * Every refusal: a stable code and a sentence that says what was wrong and what to do. The code is read as any
 * string, so an agent still understands a refusal from a newer master with a code it does not know.
 */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
export type ErrorResponse = z.infer<typeof errorResponse>
