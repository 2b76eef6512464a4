// Agent packages: the self-contained agent bundle with what it needs to enlist into this master by itself (the
// gateway's address, the CA certificate, a new enlistment token made for the package), as a tree of files that
// each kind of package lays out its own way (a .tar.gz folder, a .deb under /opt/msx-agent). The token is listed and revocable like any other.
import 'server-only'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { APP_ROOT } from '../app-root'
import { config } from '../config'
import type { PackageConfig } from '../protocol/agent-package'
import { debArchitecture, writeDeb } from './agent-package/deb'
import { INSTALLED_DATA_DIR, LAYOUT } from './agent-package/layout'
import { INSTALL_SCRIPT, LAUNCHER, SYSTEMD_UNIT } from './agent-package/scripts'
import { writeTarGz } from './agent-package/tar'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { insertEnlistmentToken, MAX_TOKEN_LIFETIME_SECONDS } from './enlistment-tokens'
import { notFound } from './errors'

export const PACKAGE_TYPES = ['tar', 'deb'] as const
export type PackageType = (typeof PACKAGE_TYPES)[number]

/** What an administrator or operator chooses; the schema every face (msx, later the dashboard) validates with. */
export const agentPackageSchema = z.object({
  type: z.enum(PACKAGE_TYPES, { error: 'type is tar or deb' }).default('tar'),
  tokenUses: z
    .number({ error: 'tokenUses is a whole number' })
    .int('tokenUses is a whole number')
    .min(1, 'tokenUses is at least 1')
    .max(1_000_000, 'tokenUses is at most 1,000,000')
    .optional(),
  tokenExpiresInSeconds: z
    .number({ error: 'tokenExpiresInSeconds is a number of seconds' })
    .int('tokenExpiresInSeconds is a whole number of seconds')
    .min(60, 'the token lives at least 1 minute')
    .max(MAX_TOKEN_LIFETIME_SECONDS, 'the token lives at most 365 days')
    .default(7 * 24 * 3600),
  location: z.string({ error: 'location is text' }).max(200, 'a location has at most 200 characters').default(''),
  name: z
    .string({ error: 'name is a server name' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'name is a server name: letters, digits, . _ - (at most 128)')
    .optional(),
  gatewayUrl: z
    .url({ protocol: /^https$/, error: 'gatewayUrl is the https:// address targets reach the agent gateway at' })
    .optional(),
})
export type AgentPackageInput = z.input<typeof agentPackageSchema>

export interface PackageFile {
  path: string
  mode: number
  content: Buffer
}

const bundleDir = () => path.join(APP_ROOT, 'dist', 'agent')

/** The bundle's files as the build wrote them; refuses, saying how to build them, when they are missing. */
function bundleFiles(): PackageFile[] {
  const dir = bundleDir()
  const files: [keyof typeof LAYOUT, string, number][] = [
    ['bundle', 'msx-agent.mjs', 0o644],
    ['nativeModule', 'better_sqlite3.node', 0o755],
    ['licences', 'msx-agent.mjs.LEGAL.txt', 0o644],
  ]
  return files.map(([key, name, mode]) => {
    const file = path.join(dir, name)
    if (!fs.existsSync(file))
      throw notFound(`The agent bundle is not built (${file} is missing): run npm run build on the master.`)
    return { path: LAYOUT[key], mode, content: fs.readFileSync(file) }
  })
}

/** The gateway as targets reach it: the first extra name of its certificate, else this host's name. */
export function defaultGatewayUrl(): string {
  const { gatewayNames, gatewayPort } = config()
  return `https://${gatewayNames[0] ?? os.hostname()}:${gatewayPort}`
}

function productVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }
  return manifest.version
}

function caPem(): string {
  const file = path.join(config().dataDir, 'pki', 'ca.crt')
  if (!fs.existsSync(file)) throw notFound(`There is no CA at ${file}: start the master once to create it.`)
  return fs.readFileSync(file, 'utf8')
}

/** Every file of a package, given its configuration (the part that differs from one package to the next). */
export function packageFiles(packageConfig: PackageConfig): PackageFile[] {
  const text = (content: string) => Buffer.from(content, 'utf8')
  return [
    { path: LAYOUT.launcher, mode: 0o755, content: text(LAUNCHER) },
    ...bundleFiles(),
    { path: LAYOUT.unit, mode: 0o644, content: text(SYSTEMD_UNIT) },
    { path: LAYOUT.config, mode: 0o600, content: text(`${JSON.stringify(packageConfig, null, 2)}\n`) },
    { path: LAYOUT.installer, mode: 0o755, content: text(INSTALL_SCRIPT) },
  ]
}

/**
 * Makes an agent package with a new enlistment token of its own: the token and the activity-log entry in one
 * transaction, the archive after it (a package that failed to be written leaves an unused token, listed).
 */
export async function createAgentPackage(ctx: MsxContext, raw: AgentPackageInput) {
  const input = agentPackageSchema.parse(raw)
  const gatewayUrl = input.gatewayUrl ?? defaultGatewayUrl()
  const ca = caPem()
  bundleFiles() // refuses before a token is made when there is nothing to package
  const { secret, token } = await inTransaction(ctx, async (tx) => {
    const made = await insertEnlistmentToken(tx, ctx.actor, {
      uses: input.tokenUses,
      expiresInSeconds: input.tokenExpiresInSeconds,
      label: `agent package (${input.type})${input.location ? `: ${input.location}` : ''}`,
    })
    await recordAudit(tx, ctx.actor, {
      action: 'agent-package.create',
      objectType: 'token',
      objectName: `token ${made.token.id}`,
      details: { type: input.type, gatewayUrl, location: input.location, name: input.name ?? null },
    })
    return made
  })
  const packageConfig: PackageConfig = {
    gatewayUrl,
    caPem: ca,
    token: secret,
    location: input.location,
    ...(input.name ? { name: input.name } : {}),
  }
  return {
    ...(await archiveOf(input.type, packageConfig)),
    token: { id: token.id, expiresAt: token.expiresAt, usesLeft: token.usesLeft },
    gatewayUrl,
  }
}

async function archiveOf(type: PackageType, packageConfig: PackageConfig) {
  if (type === 'tar') return { fileName: 'msx-agent.tar.gz', archive: await writeTarGz(packageFiles(packageConfig)) }
  const version = productVersion()
  const architecture = debArchitecture()
  const files = packageFiles({ ...packageConfig, dataDir: INSTALLED_DATA_DIR })
  return {
    fileName: `msx-agent_${version}_${architecture}.deb`,
    archive: await writeDeb(files, { version, architecture, gatewayUrl: packageConfig.gatewayUrl }),
  }
}
