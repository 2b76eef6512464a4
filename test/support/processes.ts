// Real master and agent processes for integration tests, on loopback, each in its own temporary folder.
// Every process started here is stopped by stopAll() (and when the test process exits).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readStatus } from '../../agent/status'
import type { Role } from '../../lib/auth/roles'
import { createSession } from '../../lib/auth/sessions'
import { createUser } from '../../lib/auth/users'
import { createDb, type Db } from '../../lib/db/client'
import { listTargets } from '../../lib/msx/target-list'
import { freePort } from './pg-cluster'

type Env = Record<string, string | undefined>

const root = path.resolve(import.meta.dirname, '..', '..')
const running = new Set<ChildProcess>()
const folders: string[] = []

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export function tempDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  folders.push(dir)
  return dir
}

export interface Output {
  code: number | null
  stdout: string
  stderr: string
}

/** longer than any clean shutdown here, even on a loaded machine (the master's own steps give up after 10 s) */
const STOP_LIMIT_MS = 30_000

/** A process whose output is kept, with a way to wait for a line. */
export class Running {
  stdout = ''
  stderr = ''
  readonly exited: Promise<Output>

  constructor(readonly child: ChildProcess) {
    running.add(child)
    child.stdout?.on('data', (d: Buffer) => {
      this.stdout += d.toString()
    })
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr += d.toString()
    })
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        running.delete(child)
        resolve({ code, stdout: this.stdout, stderr: this.stderr })
      }),
    )
  }

  get output() {
    return this.stdout + this.stderr
  }

  /** Resolves when the output matches; rejects with the output so far if the process ends or time runs out. */
  waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.output.match(pattern)
        if (match) {
          cleanup()
          resolve(match)
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${this.output}`))
      }, timeoutMs)
      const onExit = () => {
        check()
        cleanup()
        reject(new Error(`process ended before ${pattern}; output:\n${this.output}`))
      }
      const cleanup = () => {
        clearTimeout(timer)
        this.child.stdout?.off('data', check)
        this.child.stderr?.off('data', check)
        this.child.off('exit', onExit)
      }
      this.child.stdout?.on('data', check)
      this.child.stderr?.on('data', check)
      this.child.once('exit', onExit)
      check()
    })
  }

  /** Ends the process; one that has not exited within the limit is killed and the test told, with its output. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', limitMs = STOP_LIMIT_MS) {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs)
    })
    const ended = await Promise.race([this.exited, late]).finally(() => clearTimeout(timer))
    if (ended !== 'late') return ended
    this.child.kill('SIGKILL')
    throw new Error(
      `the process did not exit within ${limitMs / 1000} s of ${signal}; its output:\n${this.output.slice(-8000)}`,
    )
  }
}

function start(script: string, args: string[], env: Env, input?: string) {
  const running = new Running(
    // tsx as a loader, not its CLI: the CLI would stand between the test and the process's own signal handling
    spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    }),
  )
  running.child.stdin?.end(input)
  return running
}

/** A user of the master with an API token of their own. */
export interface TestUser {
  name: string
  role: Role
  password: string
  token: string
}

/** How one msx run acts: with another user's token (null: none at all), standard input, more environment. */
export interface MsxOptions {
  token?: string | null
  input?: string
  env?: Env
}

export const TEST_PASSWORD = 'integration-password'

export interface Master {
  url: string
  dataDir: string
  env: Env
  caFingerprint: string
  process: Running
  db: Db
  /** the dashboard's address, where the msx API is (MSX_URL) */
  apiUrl: string
  /** the administrator the msx CLI acts as by default */
  admin: TestUser
  /** runs the msx CLI against this master, as the administrator */
  msx(...args: string[]): Promise<Output>
  /** runs the msx CLI and fails with its output unless it succeeds */
  msxOk(...args: string[]): Promise<Output>
  /** runs the msx CLI as someone else, or signed out, or with standard input */
  msxWith(options: MsxOptions, ...args: string[]): Promise<Output>
  /** creates a user with this role and an API token for them, directly in the database */
  addUser(role: Role, name?: string): Promise<TestUser>
  stop(): Promise<Output>
  restart(): Promise<void>
}

export async function startMaster(env: Env = {}): Promise<Master> {
  const dataDir = tempDir('msx-master-')
  const port = await freePort()
  const apiPort = await freePort()
  const masterEnv: Env = {
    MSX_DATA_DIR: dataDir,
    MSX_ROLES: 'gateway,api',
    MSX_HOST: '127.0.0.1',
    MSX_PORT: String(apiPort),
    MSX_GATEWAY_PORT: String(port),
    MSX_MASTER_NAME: 'MSX1',
    MSX_LOG_LEVEL: 'info',
    ...env,
  }
  const launch = async () => {
    const proc = start('server/main.ts', [], masterEnv)
    const [, fingerprint] = await proc.waitFor(/certificate authority fingerprint: (sha256:[0-9a-f]{64})/)
    // with MSX_GATEWAY_WORKERS, after each worker has loaded and opened the database
    await proc.waitFor(/agent gateway listening on/, 60_000)
    await proc.waitFor(/(?:the dashboard|the msx API) listening on/)
    return { proc, fingerprint: fingerprint ?? '' }
  }
  const first = await launch()
  const databaseUrl = masterEnv.DATABASE_URL ?? `file:${path.join(dataDir, 'msx.db')}`
  const db = await createDb(databaseUrl)
  const apiUrl = `http://127.0.0.1:${apiPort}`
  const configDir = tempDir('msx-cli-')
  let users = 0
  const addUser = async (role: Role, name = `${role}${++users}`): Promise<TestUser> => {
    const ctx = { db: master.db, actor: { name: 'integration', address: 'test' } }
    const user = await createUser(ctx, { name, role, password: TEST_PASSWORD })
    const { secret } = await createSession(master.db, user.id, { kind: 'api', label: 'integration tests' })
    return { name, role, password: TEST_PASSWORD, token: secret }
  }
  const master: Master = {
    url: `https://127.0.0.1:${port}`,
    apiUrl,
    dataDir,
    env: masterEnv,
    caFingerprint: first.fingerprint,
    process: first.proc,
    db,
    admin: { name: '', role: 'administrator', password: '', token: '' },
    msx: (...args) => master.msxWith({}, ...args),
    async msxOk(...args) {
      const result = await master.msx(...args)
      if (result.code !== 0)
        throw new Error(`msx ${args.join(' ')} exited ${result.code}:\n${result.stdout}${result.stderr}`)
      return result
    },
    msxWith(options, ...args) {
      const env: Env = {
        ...masterEnv,
        MSX_URL: apiUrl,
        MSX_CONFIG_DIR: configDir,
        MSX_API_TOKEN: options.token === undefined ? master.admin.token : (options.token ?? undefined),
        ...options.env,
      }
      return start('cli/msx.ts', args, env, options.input).exited
    },
    addUser,
    stop: () => master.process.stop(),
    async restart() {
      await master.process.stop()
      // migrating at start-up locks a SQLite database exclusively: this process lets go of it meanwhile
      await master.db.$disconnect()
      master.process = (await launch()).proc
      master.db = await createDb(databaseUrl)
    },
  }
  master.admin = await addUser('administrator', 'admin')
  return master
}

/** One msx-agent command, run to its end. */
export function agent(dataDir: string, args: string[], env: Env = {}): Promise<Output> {
  return start('agent/cli.ts', [...args, '--data-dir', dataDir], env).exited
}

/** An msx-agent command left running (enlist awaiting approval, run). */
export function agentProcess(dataDir: string, args: string[], env: Env = {}): Running {
  return start('agent/cli.ts', [...args, '--data-dir', dataDir], env)
}

/** msx-agent simulate: `count` virtual targets named PREFIX-1 ... that enlist with `token` and long-poll. */
export function simulatedFleet(master: Master, options: { prefix: string; count: number; token: string }): Running {
  return agentProcess(tempDir(`msx-fleet-${options.prefix}-`), [
    'simulate',
    '--master',
    master.url,
    '--count',
    String(options.count),
    '--prefix',
    options.prefix,
    '--token',
    options.token,
    '--ca-fingerprint',
    master.caFingerprint,
    '--report-every',
    '0',
  ])
}

/** Makes a token and enlists a new agent with it; returns the agent's data folder. */
export async function enlistAgent(master: Master, name: string, env: Env = {}, extra: string[] = []) {
  const token = await master.msx('token', 'create', '--json')
  const secret = JSON.parse(token.stdout).token as string
  const dataDir = tempDir(`msx-agent-${name}-`)
  const result = await agent(
    dataDir,
    [
      'enlist',
      '--master',
      master.url,
      '--name',
      name,
      '--token',
      secret,
      '--ca-fingerprint',
      master.caFingerprint,
      ...extra,
    ],
    env,
  )
  if (result.code !== 0) throw new Error(`enlisting ${name} failed: ${result.stdout}${result.stderr}`)
  return dataDir
}

/** The agent's state as `msx-agent status` reports it, read from its store in this process (no process per look). */
export async function agentStatus(dataDir: string) {
  return readStatus(dataDir)
}

/** A target as the master lists it (sp_help_targetserver), read from the master's database. */
export async function targetRow(master: Master, name: string) {
  const { rows } = await listTargets(master.db, { search: name })
  return rows.find((row) => row.name === name)
}

/** Polls `read` until `accept` holds (a condition, not a sleep); fails with the last value after the timeout. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: T = await read()
  while (!accept(last)) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
  return last
}

export async function stopAll() {
  await Promise.all([...running].map((child) => new Running(child).stop()))
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}
