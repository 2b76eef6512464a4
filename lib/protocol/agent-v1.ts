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
    z.object({ name: z.string(), enabled: z.boolean(), cron: z.string().nullable(), runAt: z.string().nullable() }),
  ),
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

export const reenlistRequest = z.strictObject({
  location: z.string().max(200),
  timeZoneOffsetMinutes: z.number().int().min(-840).max(840),
  agentVersion: z.string().min(1).max(50),
  runAsAccount: z.string().max(200).optional(),
  pollIntervalSeconds: z.number().int().min(10).max(28_800),
})

export const reenlistResponse = z.object({ ok: z.literal(true) })

export const defectResponse = z.object({ defected: z.literal(true) })

/** Every refusal: a stable code and a sentence that says what was wrong and what to do. */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
export type ErrorResponse = z.infer<typeof errorResponse>
