// The notification worker of the master process: a round on start, and a clean stop.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../lib/log'
import { createJob } from '../lib/msx/jobs'
import { setOperator } from '../lib/msx/operator'
import { recordOutcomes } from '../lib/msx/outcomes'
import { secretVault } from '../lib/notify'
import { enlist, testDatabase, uniqueName } from '../test/support/fixtures'
import { startNotifier } from './notifier'

const t = testDatabase()
const vault = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-notifier-')))
const bodies: string[] = []
let receiver: http.Server
let hookUrl = ''

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      bodies.push(body)
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/msx`
})
afterAll(() => {
  receiver.closeAllConnections()
  receiver.close()
})

describe('the notification worker', () => {
  it('sends what is due on its first round and stops cleanly', async () => {
    await setOperator(t.ctx, { webhookUrl: hookUrl }, vault)
    const target = await enlist(t.ctx, uniqueName())
    const { job } = await createJob(t.ctx, {
      name: uniqueName('worker-job-'),
      notify: { webhook: 'failure' },
      steps: [{ name: 'one', kind: 'cmdexec', command: 'false' }],
      targets: { servers: [target.name], groups: [] },
    })
    const ended = new Date(Date.now() - 120_000) // its window closed a minute ago
    await recordOutcomes(t.ctx.db, target, [
      {
        idempotencyKey: 'w-1:job',
        runId: 'w-1',
        jobId: job.id,
        jobName: job.name,
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: 0,
        message: 'The job failed.',
        output: '',
        startedAt: new Date(ended.getTime() - 1000).toISOString(),
        durationMs: 1000,
        retriesAttempted: 0,
      },
    ])
    const notifier = startNotifier(t.ctx.db, { log: createLogger('silent'), vault, windowSeconds: 60 })
    try {
      for (let i = 0; i < 100 && bodies.length === 0; i++) await new Promise((r) => setTimeout(r, 50))
    } finally {
      await notifier.stop()
    }
    expect(bodies.map((b) => JSON.parse(b).summary)).toEqual([
      `${job.name} failed on 1 of 1 target server: ${target.name}`,
    ])
    expect(await t.ctx.db.jobNotification.findFirst({ where: { runId: 'w-1' } })).toMatchObject({ state: 'SENT' })
  })
})
