// SQL steps against SQLite and PostgreSQL, the proxy-matching rule with its exact messages, and jobs applied from
// files with `msx job apply` (the example of docs/job-file.md, and files with each kind of mistake).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addConnection } from '../../agent/connections'
import { addProxy, removeProxy, setProxyMatching } from '../../agent/proxies'
import { AgentStore } from '../../agent/store'
import { readJobFile } from '../../cli/job-commands'
import { createGroup } from '../../lib/msx/groups'
import { clearInstructionErrors, listInstructions } from '../../lib/msx/instructions'
import { applyJob } from '../../lib/msx/job-apply'
import type { JobRun } from '../../lib/msx/job-history'
import { createJob } from '../../lib/msx/jobs'
import { PROXY_MATCHING_DISABLED, PROXY_NOT_FOUND } from '../../lib/msx/proxy-matching'
import { adminOf, postJob, runningAgent, waitForRuns } from '../support/job-runs'
import { type PgCluster, startPgCluster } from '../support/pg-cluster'
import { agent, agentStatus, eventually, type Master, startMaster, stopAll, tempDir } from '../support/processes'

const root = path.resolve(import.meta.dirname, '..', '..')
let master: Master
let cluster: PgCluster
let tsx1: string
let work: string

beforeAll(async () => {
  cluster = await startPgCluster()
  master = await startMaster()
  tsx1 = (await runningAgent(master, 'TSX1')).dataDir
  work = tempDir('msx-steps-work-')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
  cluster?.stop()
})

/** Changes an agent's local setup in this process, as its CLI would (the running agent reads it from its store). */
function onAgent<T>(dataDir: string, change: (store: AgentStore) => T): T {
  const store = new AgentStore(dataDir)
  try {
    return change(store)
  } finally {
    store.close()
  }
}

async function runOnTsx1(name: string, steps: Parameters<typeof createJob>[1]['steps']): Promise<JobRun | undefined> {
  await createJob(adminOf(master), { name, steps, targets: { servers: ['TSX1'], groups: [] } })
  await eventually(
    () => agentStatus(tsx1),
    (s) => s.jobs.some((j) => j.name === name),
  )
  await postJob(master, 'START', name, ['TSX1'])
  return (await waitForRuns(master, name))[0]
}

describe('SQL steps', () => {
  it('run against a SQLite connection configured on the target', async () => {
    const file = path.join(work, 'local.db')
    onAgent(tsx1, (store) => addConnection(store, 'lite', `file:${file}`))
    const run = await runOnTsx1('sqlite-steps', [
      {
        name: 'write',
        kind: 'sql',
        connection: 'lite',
        command: 'CREATE TABLE runs (id INTEGER); INSERT INTO runs VALUES (7), (8);',
      },
      { name: 'read', kind: 'sql', connection: 'lite', command: 'SELECT id, id * 2 AS twice FROM runs ORDER BY id' },
      { name: 'bad', kind: 'sql', connection: 'lite', command: 'SELECT missing FROM runs' },
    ])
    expect(run?.steps.map((s) => [s.stepName, s.outcome])).toEqual([
      ['write', 'Succeeded'],
      ['read', 'Succeeded'],
      ['bad', 'Failed'],
    ])
    expect(run?.steps[1]?.output).toBe('id\ttwice\n7\t14\n8\t16\n(2 rows)\n')
    expect(run?.steps[2]?.message).toContain('no such column: missing')
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT COUNT(*) AS n FROM runs').get()).toEqual({ n: 2 })
    db.close()
  })

  it('run against a PostgreSQL connection; its password is never shown; a timeout cancels the statement', async () => {
    const url = cluster.url.replace('postgresql://msx@', 'postgresql://msx:s3cret@')
    const added = await agent(tsx1, ['connection', 'add', 'local-pg', url])
    expect(added.code).toBe(0)
    const listed = await agent(tsx1, ['connection', 'list'])
    expect(listed.stdout).toContain(`local-pg\tpostgresql://msx:***@127.0.0.1:${cluster.port}/postgres`)
    expect(added.stdout + listed.stdout).not.toContain('s3cret')
    const run = await runOnTsx1('pg-steps', [
      {
        name: 'write',
        kind: 'sql',
        connection: 'local-pg',
        command: 'CREATE TABLE step_runs (id int); INSERT INTO step_runs VALUES (42); SELECT id FROM step_runs;',
        onSuccess: 'next',
      },
      {
        name: 'hang',
        kind: 'sql',
        connection: 'local-pg',
        command: 'SELECT pg_sleep(60) /* msx-hang */',
        timeoutSeconds: 2,
      },
    ])
    expect(run?.steps[0]).toMatchObject({ outcome: 'Succeeded' })
    expect(run?.steps[0]?.output).toContain('id\n42\n(1 row)')
    expect(run?.steps[1]?.message).toContain('timed out after 2 s')
    const client = new pg.Client({ connectionString: cluster.url })
    await client.connect()
    try {
      expect((await client.query('SELECT id FROM step_runs')).rows).toEqual([{ id: 42 }])
      const hanging = () =>
        client.query("SELECT pid FROM pg_stat_activity WHERE query LIKE '%msx-hang%' AND pid <> pg_backend_pid()")
      await eventually(hanging, (r) => r.rows.length === 0)
    } finally {
      await client.end()
    }
  })
})

describe('proxies', () => {
  it('a step naming a proxy: refused while matching is off, then while the proxy is missing; runs as its account', async () => {
    const { dataDir } = await runningAgent(master, 'PROXY1')
    await createJob(adminOf(master), {
      name: 'as-proxy',
      steps: [{ name: 'who', kind: 'cmdexec', command: 'id -un', proxy: 'backup_operator' }],
      targets: { servers: ['PROXY1'], groups: [] },
    })
    const failedWith = async (message: string) => {
      const rows = await eventually(
        async () => (await listInstructions(master.db, { target: 'PROXY1', status: 'error' })).rows,
        (list) => list.some((i) => i.errorMessage === message),
      )
      return rows.map((r) => r.id)
    }
    const disabled = await failedWith(PROXY_MATCHING_DISABLED)
    onAgent(dataDir, (store) => setProxyMatching(store, true))
    await clearInstructionErrors(adminOf(master), disabled)
    const missing = await failedWith(PROXY_NOT_FOUND)
    const added = await agent(dataDir, ['proxy', 'add', 'backup_operator', '--account', 'nobody'])
    expect(added.stdout).toContain('Proxy backup_operator runs steps as nobody.')
    await clearInstructionErrors(adminOf(master), missing)
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.jobs.some((j) => j.name === 'as-proxy'),
    )
    await postJob(master, 'START', 'as-proxy', ['PROXY1'])
    const [run] = await waitForRuns(master, 'as-proxy')
    expect(run?.outcome).toBe('Succeeded')
    expect(run?.steps[0]?.output.trim()).toBe('nobody')
    expect(run?.steps[0]?.message).toContain('Executed as user: nobody.')

    // the rule holds at run time too: a proxy removed since the job arrived fails the run
    onAgent(dataDir, (store) => removeProxy(store, 'backup_operator'))
    await postJob(master, 'START', 'as-proxy', ['PROXY1'])
    const [again] = await waitForRuns(master, 'as-proxy', 2)
    expect(again).toMatchObject({ outcome: 'Failed', message: PROXY_NOT_FOUND, steps: [] })
  })
})

describe('jobs as files', () => {
  it("the README's first job runs as written on a master with one agent, TSX1", async () => {
    const file = path.join(root, 'docs/examples/hello-targets.json')
    const applied = await master.msxOk('job', 'apply', '--file', file)
    expect(applied.stdout).toBe('Created job hello-targets (version 1).\nPosted INSERT to 1 target server: TSX1.\n')
    await eventually(
      () => agentStatus(tsx1),
      (s) => s.jobs.some((j) => j.name === 'hello-targets'),
    )
    await master.msxOk('job', 'start', 'hello-targets')
    const [run] = await waitForRuns(master, 'hello-targets')
    expect(run).toMatchObject({ targetName: 'TSX1', outcome: 'Succeeded' })
    expect(run?.steps[0]?.output).toContain('runs hello-targets as')
  })

  it('msx job apply creates the example job, posts it, and it runs; applied again it is updated', async () => {
    await createGroup(adminOf(master), 'production')
    onAgent(tsx1, (store) => {
      setProxyMatching(store, true)
      addProxy(store, 'backup_operator', 'nobody')
    })
    const applied = await master.msxOk('job', 'apply', '--file', path.join(root, 'docs/examples/nightly-vacuum.json'))
    expect(applied.stdout).toBe('Created job nightly-vacuum (version 1).\nPosted INSERT to 1 target server: TSX1.\n')
    await eventually(
      () => agentStatus(tsx1),
      (s) => s.jobs.some((j) => j.name === 'nightly-vacuum'),
    )
    expect((await listInstructions(master.db, { target: 'TSX1', status: 'error' })).total).toBe(0)
    const started = await master.msxOk('job', 'start', 'nightly-vacuum')
    expect(started.stdout).toContain('Posted START of nightly-vacuum to 1 target server: TSX1.')
    await waitForRuns(master, 'nightly-vacuum')
    const history = JSON.parse((await master.msxOk('job', 'history', 'nightly-vacuum', '--json')).stdout) as JobRun[]
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ targetName: 'TSX1', outcome: 'Succeeded' })
    expect(history[0]?.steps.map((s) => [s.stepName, s.outcome, s.output.trim()])).toEqual([
      ['vacuum', 'Succeeded', 'VACUUM'],
      ['report', 'Succeeded', 'done'],
    ])

    const again = await master.msxOk('job', 'apply', '--file', path.join(root, 'docs/examples/nightly-vacuum.yaml'))
    // the YAML file is the same job: nothing to save, nothing to post
    expect(again.stdout).toBe('Job nightly-vacuum is unchanged (version 1): nothing was posted.\n')
    const shown = JSON.parse((await master.msxOk('job', 'show', 'nightly-vacuum', '--json')).stdout)
    expect(shown.definition).toEqual({
      ...(readJobFile(path.join(root, 'docs/examples/nightly-vacuum.json')) as object),
      category: '[Uncategorized (Multi-Server)]',
      notify: { email: 'never', pager: 'never', webhook: 'never' },
      steps: [
        expect.objectContaining({ name: 'vacuum', connection: 'local-pg', retryAttempts: 2 }),
        expect.objectContaining({ name: 'report', proxy: 'backup_operator', retryAttempts: 0 }),
      ],
      targets: { servers: ['TSX1'], groups: ['production'] },
    })
    expect(shown.targets).toEqual([expect.objectContaining({ name: 'TSX1', outcome: 'Succeeded' })])
  })

  const example = () => readJobFile(path.join(root, 'docs/examples/nightly-vacuum.json')) as Record<string, unknown>
  const step = (i: number, change: Record<string, unknown>) => {
    const job = example()
    const steps = job.steps as Record<string, unknown>[]
    steps[i] = { ...steps[i], ...change }
    return job
  }
  const mistakes: [string, Record<string, unknown>, string][] = [
    ['an unknown field', { ...example(), owner: 'me' }, 'owner: is not a field of a job file'],
    ['an unknown step field', step(0, { retries: 2 }), 'steps[0].retries: is not a field of a job file'],
    ['no steps', { ...example(), steps: [] }, 'steps: needs at least one step'],
    ['a missing name', { ...example(), name: undefined }, 'name: A job name is required.'],
    ['a wrong kind', step(1, { kind: 'powershell' }), 'steps[1].kind: must be cmdexec or sql'],
    ['a wrong action', step(1, { onFailure: 'retry' }), 'steps[1].onFailure: must be next, quit-success'],
    ['a step that goes nowhere', step(0, { onSuccess: 'goto:9' }), 'steps[0].onSuccess: goes to step 9'],
    ['a sql step without its connection', step(0, { connection: undefined }), 'steps[0].connection: is required'],
    ['a number as text', step(0, { retryAttempts: 'two' }), 'steps[0].retryAttempts: must be a number, not a string'],
    [
      'a wrong cron',
      { ...example(), schedules: [{ name: 'n', cron: '61 * * * *' }] },
      'schedules[0].cron: is not a valid cron expression',
    ],
    [
      'a wrong date',
      { ...example(), schedules: [{ name: 'n', runAt: 'tomorrow' }] },
      'schedules[0].runAt: must be a date and time',
    ],
    ['servers not as a list', { ...example(), targets: { servers: 'TSX1' } }, 'targets.servers: must be an array'],
    ['an unknown target', { ...example(), targets: { servers: ['NOPE'] } }, 'No target server is named "NOPE"'],
    ['an unknown group', { ...example(), targets: { groups: ['nope'] } }, 'no target server group named "nope"'],
  ]
  it.each(mistakes)('refuses a file with %s, naming the field', async (_what, job, message) => {
    const file = path.join(work, `bad-${Math.random().toString(36).slice(2)}.json`)
    fs.writeFileSync(file, JSON.stringify({ ...job, name: job.name === undefined ? undefined : 'bad-job' }))
    await expect(applyJob(adminOf(master), readJobFile(file))).rejects.toThrow(message)
  })

  it('the msx CLI refuses a bad file as bad usage, naming the line or the field, and posts nothing', async () => {
    const before = await master.db.downloadInstruction.count()
    const broken = path.join(work, 'broken.yaml')
    fs.writeFileSync(broken, 'name: broken\nsteps:\n  - name: one\n   kind: cmdexec\n')
    const syntax = await master.msx('job', 'apply', '--file', broken)
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toContain(`${broken}:4:1 is not valid YAML: Sequence item without - indicator.`)
    const wrong = path.join(work, 'wrong.yaml')
    fs.writeFileSync(
      wrong,
      'name: wrong\nsteps:\n  - name: one\n    kind: cmdexec\n    command: "true"\n    onFailure: maybe\n',
    )
    const field = await master.msx('job', 'apply', '--file', wrong)
    expect(field.code).toBe(2)
    expect(field.stderr).toContain('steps[0].onFailure: must be next, quit-success, quit-failure or goto:N')
    expect(await master.db.downloadInstruction.count()).toBe(before)
    expect(await master.db.job.count({ where: { name: { in: ['broken', 'wrong'] } } })).toBe(0)
  })
})
