// The configuration an agent package carries (etc/agent.json beside bin/), read once when the agent runs from
// a package; from the sources there is none.
import fs from 'node:fs'
import path from 'node:path'
import { type PackageConfig, packageConfigSchema } from '../lib/protocol/agent-package'
import { PACKAGE_CONFIG_FILE } from './bundle/files'
import { AgentError } from './errors'
import { bundleRuntime } from './runtime'

export interface Packaged {
  file: string
  packageDir: string
  config: PackageConfig
}

let read: Packaged | null | undefined

export function packaged(): Packaged | null {
  if (read !== undefined) return read
  const bundle = bundleRuntime()
  const file = bundle && path.join(bundle.packageDir, 'etc', PACKAGE_CONFIG_FILE)
  if (!bundle || !file || !fs.existsSync(file)) {
    read = null
    return read
  }
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new AgentError(`${file} is not valid JSON (${(error as Error).message}): make a new package on the master.`)
  }
  const parsed = packageConfigSchema.safeParse(json)
  if (!parsed.success)
    throw new AgentError(
      `${file} is not a valid agent package configuration (${parsed.error.issues[0]?.message}): make a new package on the master.`,
    )
  read = { file, packageDir: bundle.packageDir, config: parsed.data }
  return read
}

/** A packaged agent's data folder: the one its configuration names, else var/ in the package folder. */
export function packagedDataDir(p: Packaged): string {
  return p.config.dataDir ?? path.join(p.packageDir, 'var')
}
