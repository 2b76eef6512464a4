// A throwaway PostgreSQL cluster on a loopback port, from Debian's postgresql package, for tests and
// for creating PostgreSQL migrations. It lives in a temporary folder and is removed by stop().
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PgCluster {
  /** URL of the cluster's `postgres` database, as superuser `msx` */
  url: string
  port: number
  stop(): void
}

function binDir(): string {
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : []
  for (const version of versions) {
    const dir = path.join(base, version, 'bin')
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir
  }
  throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql` (npm test does this when it can).')
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = binDir()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-pg-'))
  const asRoot = process.getuid?.() === 0
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' })
  const data = path.join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'msx', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const port = await freePort()
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'])
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  process.once('exit', stop)
  return { url: `postgresql://msx@127.0.0.1:${port}/postgres`, port, stop }
}

/** Creates the database `msx` in the cluster, for a master of its own; returns its URL. */
export async function masterDatabase(cluster: PgCluster): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE msx')
  await admin.end()
  return cluster.url.replace(/\/postgres$/, '/msx')
}
