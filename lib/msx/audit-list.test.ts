import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { auditEventChunks, auditListQuery, listAuditEvents } from './audit-list'
import { forcePoll } from './force-poll'

const t = testDatabase()

interface Entry {
  objectName?: string
  details?: string
  result?: string
  at?: Date
  actor?: string
}

async function record(action: string, entry: Entry) {
  return t.ctx.db.auditEvent.create({
    data: { actor: entry.actor ?? 'admin', action, objectType: 'target', ...entry },
  })
}

async function objectNames(query: Parameters<typeof listAuditEvents>[1]) {
  const list = await listAuditEvents(t.ctx.db, query)
  return list.rows.map((row) => row.objectName)
}

describe('the activity log filtered by target server', () => {
  it('matches whole names whatever their case, in the object, its lists and the details', async () => {
    const action = uniqueName('test.target.')
    const name = uniqueName('TSX')
    await record(action, { objectName: name })
    await record(action, { objectName: name.toLowerCase() })
    await record(action, { objectName: `${name}0` })
    await record(action, { objectName: `X${name}` })
    await record(action, { objectName: `A, B, ${name}, C, D and 4 more` })
    await record(action, { objectName: `${name}, B` })
    await record(action, { objectName: `A, ${name}` })
    await record(action, { objectName: `A, B, C, D, ${name} and 1 more` })
    await record(action, { objectName: 'job', details: JSON.stringify({ servers: name }) })
    await record(action, { objectName: 'job', details: JSON.stringify({ servers: `A, ${name} and 2 more` }) })
    await record(action, { objectName: 'job', details: JSON.stringify({ servers: `${name}0` }) })
    await record(action, { objectName: 'many', details: JSON.stringify({ targetNames: ['A', name.toLowerCase()] }) })

    expect(await objectNames({ action, target: name.toLowerCase() })).toEqual([
      'many',
      'job',
      'job',
      `A, B, C, D, ${name} and 1 more`,
      `A, ${name}`,
      `${name}, B`,
      `A, B, ${name}, C, D and 4 more`,
      name.toLowerCase(),
      name,
    ])
  })

  it('takes "_" and "\\" in a name literally', async () => {
    const action = uniqueName('test.literal.')
    await record(action, { objectName: 'SRV_1' })
    await record(action, { objectName: 'SRVX1' })
    await record(action, { objectName: 'SRV\\SQL1' })
    await record(action, { objectName: 'other', details: JSON.stringify({ servers: 'SRV\\SQL1' }) })
    await record(action, { objectName: 'SRV\\SQL10' })

    expect(await objectNames({ action, target: 'srv_1' })).toEqual(['SRV_1'])
    expect(await objectNames({ action, target: 'SRV\\sql1' })).toEqual(['other', 'SRV\\SQL1'])
  })

  it('finds a bulk change by any of its targets, beyond the names its summary shows', async () => {
    const names = Array.from({ length: 7 }, () => uniqueName('BULK'))
    for (const name of names) await enlist(t.ctx, name)
    await forcePoll(t.ctx, names)

    const list = await listAuditEvents(t.ctx.db, { action: 'target.force-poll', target: names[6] })
    expect(list.total).toBe(1)
    expect(list.rows[0]?.objectName).toMatch(/and 2 more$/)
    expect(JSON.parse(list.rows[0]?.details ?? '{}').targetNames).toEqual(names)
  })
})

describe('the activity log filtered by result and date', () => {
  it('keeps successes or failures', async () => {
    const action = uniqueName('test.result.')
    await record(action, { objectName: 'ok', result: 'success' })
    await record(action, { objectName: 'failed', result: 'failure' })

    expect(await objectNames({ action, result: 'failure' })).toEqual(['failed'])
    expect(await objectNames({ action, result: 'success' })).toEqual(['ok'])
  })

  it('keeps the entries from one instant to another, both included', async () => {
    const action = uniqueName('test.date.')
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12, 0, 0, 250))
    for (const d of [1, 2, 3, 4]) await record(action, { objectName: `day${d}`, at: day(d) })

    expect(await objectNames({ action, from: day(2).toISOString(), to: day(3).toISOString() })).toEqual([
      'day3',
      'day2',
    ])
    expect(await objectNames({ action, from: day(3).toISOString() })).toEqual(['day4', 'day3'])
    expect(await objectNames({ action, to: '2026-01-01T12:00:00.249Z' })).toEqual([])
    expect(await objectNames({ action, to: '2026-01-01T13:00:00.250+01:00' })).toEqual(['day1'])
  })

  it('combines every filter', async () => {
    const action = uniqueName('test.all.')
    const name = uniqueName('ALL')
    await record(action, { objectName: name, actor: 'alice', result: 'failure', details: '{"reason":"50% off"}' })
    await record(action, { objectName: name, actor: 'alice', result: 'success', details: '{"reason":"500 off"}' })
    await record(action, { objectName: name, actor: 'bob', result: 'failure' })

    const list = await listAuditEvents(t.ctx.db, {
      action,
      actor: 'alice',
      target: name,
      result: 'failure',
      search: '50%',
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
    })
    expect(list.total).toBe(1)
    expect(list.rows.map((row) => [row.actor, row.result, row.details])).toEqual([
      ['alice', 'failure', '{"reason":"50% off"}'],
    ])
  })
})

describe('the activity log query', () => {
  it('refuses a bad filter with a message that says what it takes', () => {
    const messages = (query: Record<string, string>) => {
      const parsed = auditListQuery.safeParse(query)
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    }
    expect(messages({ result: 'maybe' })).toEqual(['result: result is success or failure'])
    expect(messages({ from: 'yesterday' })).toEqual([
      'from: from must be a date and time such as 2026-12-01T00:00:00.000Z',
    ])
    expect(messages({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([
      'to: to must not be before from',
    ])
    expect(messages({ target: 'two words' })[0]).toMatch(/^target: A server name/)
    expect(messages({ target: 'TSX1', result: 'success', from: '2026-01-01T00:00:00+01:00' })).toEqual([])
  })
})

describe('reading every matching entry in chunks', () => {
  it('reads them all, newest first, one chunk at a time', async () => {
    const action = uniqueName('test.chunks.')
    for (let i = 0; i < 25; i++)
      await record(action, { objectName: `e${i}`, result: i % 5 === 0 ? 'failure' : 'success' })

    const sizes: number[] = []
    const names: string[] = []
    for await (const chunk of auditEventChunks(t.ctx.db, { action, result: 'success' }, 8)) {
      sizes.push(chunk.length)
      names.push(...chunk.map((row) => row.objectName))
    }
    expect(sizes).toEqual([8, 8, 4])
    expect(names).toEqual(
      Array.from({ length: 25 }, (_, i) => 24 - i)
        .filter((i) => i % 5 !== 0)
        .map((i) => `e${i}`),
    )
  })
})
