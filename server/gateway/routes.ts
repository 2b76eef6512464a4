// The agent protocol's routes. Every rule comes from lib/msx; this file only translates HTTP.
import type http from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import {
  defectFromAgent,
  enlistmentRequestState,
  enlistWithToken,
  recordCollectedCertificate,
  reenlistTarget,
  revokedMessage,
} from '../../lib/msx/agents'
import { certificateStandingOf } from '../../lib/msx/certificate-standing'
import { clockSkewOf } from '../../lib/msx/clock-skew'
import { submitEnlistmentRequest } from '../../lib/msx/enlistment-requests'
import { readMaster } from '../../lib/msx/master'
import { nameKey } from '../../lib/msx/names'
import { recordOutcomes } from '../../lib/msx/outcomes'
import { acceptedVersions } from '../../lib/msx/versions'
import type { Authority } from '../../lib/pki/authority'
import { checkCertificateRequest } from '../../lib/pki/csr'
import {
  ackRequest,
  type EnlistResponse,
  enlistRequest,
  enlistStatusRequest,
  type HelloResponse,
  helloRequest,
  MAX_LONG_POLL_SECONDS,
  outcomesRequest,
  pollRequest,
  reenlistRequest,
} from '../../lib/protocol/agent-v1'
import { Refusal, readBody, send } from '../http-json'
import type { AckBatcher } from './ack-batcher'
import { peerFingerprint } from './peer'
import type { PollHub } from './poll-hub'
import type { RefusalMemory } from './refusal-memory'
import { checkAgentVersion } from './version-check'

export interface GatewayContext {
  db: Db
  hub: PollHub
  refusals: RefusalMemory
  acks: AckBatcher
  authority: Authority
  /** the version the master runs: fixed for the process (its name is not: an administrator may rename it) */
  master: { version: string }
  log: Log
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, ctx: GatewayContext) => Promise<void>

const PENDING_RETRY_SECONDS = 3

function peerAddress(req: http.IncomingMessage) {
  return req.socket.remoteAddress ?? ''
}

async function checkedCertificateRequest(csrPem: string, name: string) {
  const checked = await checkCertificateRequest(csrPem)
  if (!checked) throw new Refusal(400, 'invalid_csr', 'The certificate request is not valid or not signed by its key.')
  if (nameKey(checked.commonName) !== nameKey(name))
    throw new Refusal(400, 'invalid_csr', `The certificate request is for "${checked.commonName}", not for "${name}".`)
  return checked
}

async function enlistedResponse(
  ctx: GatewayContext,
  name: string,
  certificatePem: string,
  pollIntervalSeconds: number,
): Promise<EnlistResponse> {
  // read at each enlistment, not kept from the start: Settings renames the master while the gateway runs
  const master = await readMaster(ctx.db)
  if (!master)
    throw new Refusal(503, 'internal', 'The master server has no row yet: start the master once to create it.')
  return {
    status: 'enlisted',
    name,
    certificatePem,
    caPem: ctx.authority.caPem,
    master: { name: master.name, version: ctx.master.version },
    pollIntervalSeconds,
  }
}

/** The enlisted target presenting the request's client certificate, or a refusal that says why not. */
async function callingTarget(req: http.IncomingMessage, ctx: GatewayContext) {
  const socket = req.socket as TLSSocket
  const fingerprint = peerFingerprint(socket)
  if (!fingerprint)
    throw new Refusal(
      401,
      'certificate_missing',
      'This request needs the client certificate the master issued at enlistment.',
    )
  if (!socket.authorized)
    throw new Refusal(
      401,
      'certificate_unknown',
      'The client certificate was not issued by this master: enlist with this master first.',
    )
  const identity = ctx.hub.knownIdentity(fingerprint) ?? (await ctx.hub.identify(fingerprint))
  if (identity.kind === 'revoked') throw new Refusal(403, 'certificate_revoked', revokedMessage(identity))
  if (identity.kind === 'unknown')
    throw new Refusal(
      401,
      'certificate_unknown',
      'No target server holds this certificate on the master: enlist again.',
    )
  return identity.target
}

const enlist: Handler = async (req, res, ctx) => {
  const body = await readBody(req, enlistRequest)
  const checked = await checkedCertificateRequest(body.csrPem, body.name)
  if (body.token) {
    const certificate = await ctx.authority.sign(checked, body.name)
    const target = await enlistWithToken(
      ctx.db,
      { ...body, token: body.token, keyFingerprint: checked.keyFingerprint },
      certificate,
      peerAddress(req),
    )
    ctx.log.info(`enlisted ${target.name} with a token from ${peerAddress(req)}`)
    return send(
      res,
      201,
      await enlistedResponse(ctx, target.name, certificate.certificatePem, target.pollIntervalSeconds),
    )
  }
  const { localTime, ...asked } = body
  await submitEnlistmentRequest(ctx.db, {
    ...asked,
    clockSkewMs: clockSkewOf(localTime),
    keyFingerprint: checked.keyFingerprint,
    sourceAddress: peerAddress(req),
  })
  ctx.log.info(`${body.name} asks to enlist from ${peerAddress(req)}: awaiting approval`)
  send(res, 202, { status: 'pending', retryAfterSeconds: PENDING_RETRY_SECONDS } satisfies EnlistResponse)
}

const enlistStatus: Handler = async (req, res, ctx) => {
  const body = await readBody(req, enlistStatusRequest)
  const checked = await checkedCertificateRequest(body.csrPem, body.name)
  const state = await enlistmentRequestState(ctx.db, body.name, checked.keyFingerprint)
  if (state.status === 'pending') return send(res, 200, { status: 'pending', retryAfterSeconds: PENDING_RETRY_SECONDS })
  if (state.status === 'rejected') return send(res, 200, { status: 'rejected', reason: state.reason })
  if (state.status === 'unknown')
    throw new Refusal(
      404,
      'request_unknown',
      `No request to enlist ${body.name} from this key is known: run the enlist command again.`,
    )
  const certificate = await ctx.authority.sign(checked, state.name)
  const target = await recordCollectedCertificate(ctx.db, state.targetId, certificate, peerAddress(req))
  ctx.hub.forget(target.id)
  ctx.log.info(`${target.name} collected its certificate: enlisted`)
  send(res, 200, await enlistedResponse(ctx, target.name, certificate.certificatePem, target.pollIntervalSeconds))
}

const poll: Handler = async (req, res, ctx) => {
  const target = await callingTarget(req, ctx)
  const body = await readBody(req, pollRequest)
  checkAgentVersion(body.agentVersion, ctx.master.version)
  const at = Date.now()
  const clockSkewMs = Date.parse(body.localTime) - at
  ctx.hub.recordPoll(target.id, {
    at,
    localTime: at + clockSkewMs,
    clockSkewMs,
    spoolDepth: body.spoolDepth,
    spoolOldestAt: body.spoolOldestAt,
    pollIntervalSeconds: body.pollIntervalSeconds,
    address: peerAddress(req),
  })
  let work = await ctx.hub.work(target.id)
  const waitMs = Math.min(body.waitSeconds, body.pollIntervalSeconds, MAX_LONG_POLL_SECONDS) * 1000
  if (work.instructions.length === 0 && waitMs > 0) {
    await ctx.hub.waitForWork(target.id, waitMs, (stop) => res.once('close', stop))
    if (res.destroyed) return
    work = await ctx.hub.work(target.id)
  }
  send(res, 200, {
    serverTime: new Date().toISOString(),
    clockSkewMs,
    pollIntervalSeconds: body.pollIntervalSeconds,
    ...work,
  })
}

const ack: Handler = async (req, res, ctx) => {
  const target = await callingTarget(req, ctx)
  const body = await readBody(req, ackRequest)
  const result = await ctx.acks.acknowledge(target.id, body.acks)
  if (!result.enlisted) ctx.log.info(`${target.name} defected (DEFECT carried out)`)
  send(res, 200, result)
}

const outcomes: Handler = async (req, res, ctx) => {
  const target = await callingTarget(req, ctx)
  const body = await readBody(req, outcomesRequest)
  const result = await recordOutcomes(ctx.db, target, body.outcomes, new Date(), body.running)
  if (body.spool) await ctx.hub.recordSpool(target.id, body.spool)
  send(res, 200, result)
}

const reenlist: Handler = async (req, res, ctx) => {
  const target = await callingTarget(req, ctx)
  const body = await readBody(req, reenlistRequest)
  await reenlistTarget(ctx.db, target.id, body, peerAddress(req))
  send(res, 200, { ok: true })
}

const defect: Handler = async (req, res, ctx) => {
  const target = await callingTarget(req, ctx)
  await defectFromAgent(ctx.db, target.id)
  ctx.hub.forget(target.id)
  ctx.log.info(`${target.name} defected`)
  send(res, 200, { defected: true })
}

/** doctor: who the master is, its clock, and what it says of the caller's certificate; records and writes nothing. */
const hello: Handler = async (req, res, ctx) => {
  await readBody(req, helloRequest)
  const socket = req.socket as TLSSocket
  const fingerprint = peerFingerprint(socket)
  const [master, certificate] = await Promise.all([
    readMaster(ctx.db),
    fingerprint ? certificateStandingOf(ctx.db, socket.authorized ? fingerprint : null) : null,
  ])
  if (!master)
    throw new Refusal(503, 'internal', 'The master server has no row yet: start the master once to create it.')
  send(res, 200, {
    master: { name: master.name, version: ctx.master.version },
    acceptedAgentVersions: acceptedVersions(ctx.master.version),
    serverTime: new Date().toISOString(),
    certificate,
  } satisfies HelloResponse)
}

export const routes: Record<string, Handler> = {
  '/agent/v1/enlist': enlist,
  '/agent/v1/enlist/status': enlistStatus,
  '/agent/v1/poll': poll,
  '/agent/v1/ack': ack,
  '/agent/v1/outcomes': outcomes,
  '/agent/v1/reenlist': reenlist,
  '/agent/v1/defect': defect,
  '/agent/v1/hello': hello,
}
