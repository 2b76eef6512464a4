// The outbox of job outcome notifications end to end: real outcomes stored, a real SMTP server and webhook receiver on loopback, an injected clock.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { createDb } from '../db/client'
import { secretVault, signatureHeader } from '../notify'
import type { OutcomeRecord } from '../protocol/agent-v1'
import { transaction } from './context'
import type { NotifyLevel } from './job-definition'
import { pruneJobHistory } from './job-history-retention'
import { createJob } from './jobs'
import { deliverDueNotifications } from './notification-outbox'
import { notificationsOfRun, notificationsOfRuns } from './notification-state'
import { clearNotificationSecrets, setMailServer, setOperator } from './operator'
import { recordOutcomes } from './outcomes'

const t = testDatabase()
const vault = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-outbox-')))
const WINDOW_MS = 60_000
const mails: { subject: string; to: string; raw: string }[] = []
const hooks: { valid: boolean; payload: { summary: string; job: { name: string }; targets: unknown[] } }[] = []
let smtp: SMTPServer
let smtpPort: number
let receiver: http.Server
let secret = ''

function startSmtp(port: number): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        const unfolded = raw.replace(/\r\n(?=[ \t])/g, '')
        const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1]?.trim() ?? ''
        mails.push({ subject, to: session.envelope.rcptTo[0]?.address ?? '', raw })
        callback()
      })
    },
  })
  return new Promise((resolve) =>
    smtp.listen(port, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)),
  )
}
const stopSmtp = () => new Promise<void>((r) => smtp.close(() => r()))

beforeAll(async () => {
  smtpPort = await startSmtp(0)
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const valid =
        req.headers['x-msx-signature'] === signatureHeader(secret, Number(req.headers['x-msx-timestamp']), body)
      hooks.push({ valid, payload: JSON.parse(body) })
      res.writeHead(valid ? 204 : 401).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/msx`
  await setMailServer(
    t.ctx,
    { host: '127.0.0.1', port: String(smtpPort), security: 'none', from: 'msx@example.com' },
    vault,
  )
  const change = await setOperator(
    t.ctx,
    { email: 'dba@example.com', pagerEmail: 'pager@example.com', webhookUrl: hookUrl },
    vault,
  )
  secret = change.newWebhookSecret as string
})
afterAll(async () => {
  await stopSmtp()
  receiver.closeAllConnections()
  receiver.close()
})

type Notify = Partial<Record<'email' | 'pager' | 'webhook', NotifyLevel>>

async function jobOn(targetCount: number, notify: Notify) {
  const targets = []
  for (let i = 0; i < targetCount; i++) targets.push(await enlist(t.ctx, uniqueName()))
  const { job } = await createJob(t.ctx, {
    name: uniqueName('nightly-vacuum-'),
    notify,
    steps: [{ name: 'vacuum', kind: 'cmdexec', command: 'vacuumdb --all' }],
    targets: { servers: targets.map((s) => s.name), groups: [] },
  })
  return { job, targets: targets.map((s) => ({ id: s.id, name: s.name })) }
}

/** A job's own outcome row (stepNumber 0) for a run that ended at `endedAt`. */
function jobOutcome(job: { id: number; name: string }, runId: string, status: 0 | 1, endedAt: Date): OutcomeRecord {
  return {
    idempotencyKey: `${runId}:job`,
    runId,
    jobId: job.id,
    jobName: job.name,
    stepNumber: 0,
    stepName: '(job outcome)',
    runStatus: status,
    message: status === 1 ? 'The job succeeded.' : 'The job failed: step 1 exited with code 1.',
    output: '',
    startedAt: new Date(endedAt.getTime() - 1000).toISOString(),
    durationMs: 1000,
    retriesAttempted: 0,
  }
}

const at = (iso: string, ms = 0) => new Date(new Date(iso).getTime() + ms)
const deliver = (now: Date, db = t.ctx.db) => deliverDueNotifications(db, { now, vault, windowMs: WINDOW_MS })
const mailsOf = (job: string) => mails.filter((m) => m.subject.startsWith(`${job} `))
const hooksOf = (job: string) => hooks.filter((h) => h.payload.job.name === job)

describe('notifications of job outcomes', () => {
  it('send a failing run once by e-mail (text and HTML) and once by signed webhook, even if uploaded twice', async () => {
    const { job, targets } = await jobOn(1, { email: 'failure', webhook: 'failure' })
    const target = targets[0] as { id: number; name: string }
    const ended = at('2030-01-01T02:00:00Z')
    const batch = [jobOutcome(job, 'run-1', 0, ended)]
    await recordOutcomes(t.ctx.db, target, batch, at('2030-01-01T02:00:02Z'))
    await recordOutcomes(t.ctx.db, target, batch, at('2030-01-01T02:00:03Z'))
    expect(await t.ctx.db.jobNotification.count({ where: { runId: 'run-1' } })).toBe(2)

    expect(await deliver(at('2030-01-01T02:00:30Z'))).toEqual([]) // the window is still open
    const results = await deliver(at('2030-01-01T02:01:01Z'))
    expect(results.map((r) => [r.channel, r.ok])).toEqual([
      ['email', true],
      ['webhook', true],
    ])
    expect(await deliver(at('2030-01-01T02:05:00Z'))).toEqual([])

    const [mail, ...moreMails] = mailsOf(job.name)
    expect(moreMails).toEqual([])
    expect(mail?.to).toBe('dba@example.com')
    expect(mail?.subject).toBe(`${job.name} failed on 1 of 1 target server: ${target.name}`)
    expect(mail?.raw).toContain('Content-Type: text/plain')
    expect(mail?.raw).toContain('Content-Type: text/html')
    const [hook, ...moreHooks] = hooksOf(job.name)
    expect(moreHooks).toEqual([])
    expect(hook?.valid).toBe(true)
    expect(hook?.payload).toMatchObject({
      event: 'job.outcome',
      master: 'MSX1',
      job: { name: job.name, version: 1, link: `/jobs/${job.name}` },
      counts: { failed: 1, succeeded: 0, canceled: 0, notified: 1, targets: 1 },
      targets: [{ name: target.name, outcome: 'failed', runId: 'run-1', endedAt: ended.toISOString(), version: 1 }],
    })

    const states = await notificationsOfRun(t.ctx.db, 'run-1')
    expect(states).toEqual([
      expect.objectContaining({ channel: 'email', state: 'SENT', attempts: 1, sentAt: at('2030-01-01T02:01:01Z') }),
      expect.objectContaining({ channel: 'webhook', state: 'SENT', answer: 'HTTP 204 from the webhook' }),
    ])
    expect(states[0]?.answer).toMatch(/^250 /)
    expect([...(await notificationsOfRuns(t.ctx.db, ['run-1', 'no-such-run'])).keys()]).toEqual(['run-1'])
  })

  it('on change: the first failure after a success and the recovery, not a second failure', async () => {
    const { job, targets } = await jobOn(1, { pager: 'change' })
    const target = targets[0] as { id: number; name: string }
    const outcomes: [string, 0 | 1][] = [
      ['c1', 1],
      ['c2', 0],
      ['c3', 0],
      ['c4', 1],
    ]
    for (const [i, [runId, status]] of outcomes.entries()) {
      const ended = at('2030-01-02T02:00:00Z', i * 3_600_000)
      await recordOutcomes(t.ctx.db, target, [jobOutcome(job, runId, status, ended)], ended)
      await deliver(at(ended.toISOString(), WINDOW_MS))
    }
    expect(mailsOf(job.name).map((m) => [m.to, m.subject])).toEqual([
      ['pager@example.com', `${job.name} failed on 1 of 1 target server: ${target.name}`],
      ['pager@example.com', `${job.name} succeeded on 1 of 1 target server: ${target.name}`],
    ])
    expect((await t.ctx.db.jobNotification.findMany({ where: { jobId: job.id } })).map((n) => n.runId)).toEqual([
      'c2',
      'c4',
    ])
  })

  it('retry while the mail server is down, with its exact answer, and deliver once it is back', async () => {
    const { job, targets } = await jobOn(1, { email: 'completion' })
    const target = targets[0] as { id: number; name: string }
    const ended = at('2030-01-03T02:00:00Z')
    await recordOutcomes(t.ctx.db, target, [jobOutcome(job, 'down-1', 1, ended)], ended)
    await stopSmtp()
    try {
      const [first] = await deliver(at('2030-01-03T02:01:00Z'))
      expect(first).toMatchObject({ ok: false, answer: `connection refused on 127.0.0.1:${smtpPort}`, attempts: 1 })
      const [row] = await notificationsOfRun(t.ctx.db, 'down-1')
      expect(row).toMatchObject({
        state: 'PENDING',
        attempts: 1,
        lastError: `connection refused on 127.0.0.1:${smtpPort}`,
      })
      // the back-off: not again at once, at most 30 s later on the first retry
      expect(row?.nextAttemptAt?.getTime()).toBeGreaterThan(at('2030-01-03T02:01:14Z').getTime())
      expect(row?.nextAttemptAt?.getTime()).toBeLessThanOrEqual(at('2030-01-03T02:01:30Z').getTime())
      expect(await deliver(at('2030-01-03T02:01:10Z'))).toEqual([])
      const [second] = await deliver(at('2030-01-03T02:05:00Z'))
      expect(second).toMatchObject({ ok: false, attempts: 2 })
    } finally {
      await startSmtp(smtpPort)
    }
    const [third] = await deliver(at('2030-01-03T04:00:00Z'))
    expect(third).toMatchObject({ ok: true, attempts: 3 })
    expect(mailsOf(job.name)).toHaveLength(1)
    expect((await notificationsOfRun(t.ctx.db, 'down-1'))[0]).toMatchObject({
      state: 'SENT',
      attempts: 3,
      lastError: `connection refused on 127.0.0.1:${smtpPort}`,
    })
  })

  it('give up as FAILED after ten attempts', async () => {
    const { job, targets } = await jobOn(1, { email: 'failure' })
    const target = targets[0] as { id: number; name: string }
    const ended = at('2030-01-04T02:00:00Z')
    await recordOutcomes(t.ctx.db, target, [jobOutcome(job, 'gone-1', 0, ended)], ended)
    await t.ctx.db.mailServer.update({ where: { id: 1 }, data: { port: 1 } })
    try {
      let last: Awaited<ReturnType<typeof deliver>> = []
      for (let hour = 1; hour <= 12; hour++) {
        const results = await deliver(at('2030-01-04T02:00:00Z', hour * 3_600_000))
        if (results.length) last = results
      }
      expect(last[0]).toMatchObject({ ok: false, attempts: 10, gaveUp: true })
      expect((await notificationsOfRun(t.ctx.db, 'gone-1'))[0]).toMatchObject({
        state: 'FAILED',
        attempts: 10,
        lastError: 'connection refused on 127.0.0.1:1',
        nextAttemptAt: null,
      })
    } finally {
      await t.ctx.db.mailServer.update({ where: { id: 1 }, data: { port: smtpPort } })
    }
  })

  it('send 30 targets failing within the window as one message that counts them', async () => {
    const { job, targets } = await jobOn(30, { email: 'failure', webhook: 'failure' })
    const start = at('2030-01-05T02:00:00Z')
    for (const [i, target] of targets.entries()) {
      const ended = at(start.toISOString(), i * 1500) // the last one 43.5 s after the first
      await recordOutcomes(t.ctx.db, target, [jobOutcome(job, `fleet-${i}`, 0, ended)], at(ended.toISOString(), 500))
    }
    expect(await deliver(at('2030-01-05T02:00:50Z'))).toEqual([])
    const results = await deliver(at('2030-01-05T02:01:00Z'))
    expect(results.map((r) => [r.channel, r.targets])).toEqual([
      ['email', 30],
      ['webhook', 30],
    ])
    expect(mailsOf(job.name).map((m) => m.subject)).toEqual([`${job.name} failed on 30 of 30 target servers`])
    const [hook] = hooksOf(job.name)
    expect(hooksOf(job.name)).toHaveLength(1)
    expect(hook?.payload.summary).toBe(`${job.name} failed on 30 of 30 target servers`)
    expect(hook?.payload.targets).toHaveLength(30)
  })

  it('send each message once when two master processes deliver at the same time', async () => {
    const { job, targets } = await jobOn(6, { email: 'failure', webhook: 'failure' })
    const ended = at('2030-01-06T02:00:00Z')
    for (const [i, target] of targets.entries())
      await recordOutcomes(t.ctx.db, target, [jobOutcome(job, `two-${i}`, 0, ended)], ended)
    const other = await createDb(t.testDb.url)
    try {
      const now = at('2030-01-06T02:02:00Z')
      const [a, b] = await Promise.all([deliver(now), deliver(now, other)])
      expect([...(a ?? []), ...(b ?? [])].map((r) => r.targets).sort()).toEqual([6, 6])
    } finally {
      await other.$disconnect()
    }
    expect(mailsOf(job.name)).toHaveLength(1)
    expect(hooksOf(job.name)).toHaveLength(1)
    expect(await t.ctx.db.jobNotification.count({ where: { jobId: job.id, state: 'SENT' } })).toBe(12)
  })
})

describe('what is queued', () => {
  it('nothing for a job that never notifies or a channel the MSXOperator lacks; a run once, however keyed', async () => {
    const never = await jobOn(1, {})
    const noPager = await jobOn(1, { pager: 'failure', email: 'success' })
    const once = await jobOn(1, { email: 'failure' })
    const ended = at('2030-01-07T02:00:00Z')
    await t.ctx.db.operator.updateMany({ data: { pagerEmail: null } })
    try {
      for (const { job, targets } of [never, noPager])
        await recordOutcomes(
          t.ctx.db,
          targets[0] as { id: number; name: string },
          [jobOutcome(job, `q-${job.id}`, 0, ended)],
          ended,
        )
    } finally {
      await t.ctx.db.operator.updateMany({ data: { pagerEmail: 'pager@example.com' } })
    }
    expect(await t.ctx.db.jobNotification.count({ where: { jobId: { in: [never.job.id, noPager.job.id] } } })).toBe(0)

    const target = once.targets[0] as { id: number; name: string }
    const run = jobOutcome(once.job, 'q-once', 0, ended)
    await recordOutcomes(t.ctx.db, target, [run], ended)
    expect(await recordOutcomes(t.ctx.db, target, [{ ...run, idempotencyKey: 'q-once:again' }], ended)).toEqual({
      stored: 1,
      duplicates: 0,
    })
    expect(await t.ctx.db.jobNotification.count({ where: { runId: 'q-once' } })).toBe(1)
    await deliver(at('2030-01-07T03:00:00Z'))
    expect(mailsOf(once.job.name)).toHaveLength(1)
  })
})

describe('job history retention', () => {
  it('purges history older than the days kept, in batches, with the notifications sent about it', async () => {
    const now = new Date('2000-06-15T12:00:00.000Z') // before anything else in the database
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
    const row = (key: string, startedAt: Date) => ({
      idempotencyKey: key,
      jobName: 'old-job',
      targetName: 'TSX-OLD',
      runId: key,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: 0,
      startedAt,
      durationMs: 1,
    })
    await t.ctx.db.jobHistory.createMany({
      data: [...Array.from({ length: 7 }, (_, i) => row(`old-${i}`, daysAgo(40 + i))), row('recent', daysAgo(29))],
    })
    const notification = (runId: string, state: string, endedAt: Date) => ({
      jobId: 0,
      jobName: 'old-job',
      jobVersion: 1,
      runId,
      targetName: 'TSX-OLD',
      channel: 'email',
      outcome: 0,
      endedAt,
      nextAttemptAt: endedAt,
      state,
    })
    await t.ctx.db.jobNotification.createMany({
      data: [
        notification('old-0', 'SENT', daysAgo(40)),
        notification('old-1', 'FAILED', daysAgo(41)),
        notification('old-2', 'PENDING', daysAgo(42)),
        notification('recent', 'SENT', daysAgo(29)),
      ],
    })
    expect(await pruneJobHistory(t.ctx.db, 30, now, 3)).toEqual({ history: 7, notifications: 2, missed: 0 })
    const left = await t.ctx.db.jobHistory.findMany({ where: { jobName: 'old-job' } })
    expect(left.map((r) => r.runId)).toEqual(['recent'])
    const notifications = await t.ctx.db.jobNotification.findMany({ where: { jobName: 'old-job' } })
    expect(notifications.map((n) => n.runId).sort()).toEqual(['old-2', 'recent'])
    expect(await pruneJobHistory(t.ctx.db, 30, now, 3)).toEqual({ history: 0, notifications: 0, missed: 0 })
    await t.ctx.db.jobNotification.deleteMany({ where: { jobName: 'old-job' } })
  })
})

describe('dismantling the master', () => {
  it('ends the notifications not yet sent, saying why', async () => {
    const { job, targets } = await jobOn(1, { webhook: 'completion' })
    const ended = at('2030-01-08T02:00:00Z')
    await recordOutcomes(
      t.ctx.db,
      targets[0] as { id: number; name: string },
      [jobOutcome(job, 'end-1', 1, ended)],
      ended,
    )
    await transaction(t.ctx.db, (tx) => clearNotificationSecrets(tx))
    expect((await notificationsOfRun(t.ctx.db, 'end-1'))[0]).toMatchObject({
      state: 'FAILED',
      lastError: 'not sent: the multiserver configuration was dismantled',
    })
    expect(await deliver(at('2030-01-08T03:00:00Z'))).toEqual([])
  })
})
