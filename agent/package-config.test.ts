import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packageConfigSchema } from '../lib/protocol/agent-package'
import { packaged, packagedDataDir } from './package-config'
import { runAsBundle } from './runtime'

const packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-package-config-'))
afterAll(() => fs.rmSync(packageDir, { recursive: true, force: true }))

const config = {
  gatewayUrl: 'https://msx1.example.com:3443',
  caPem: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n',
  token: 'msxe_secret',
  location: 'Rack 4',
}

describe('a packaged agent', () => {
  it('reads etc/agent.json beside its bin/ and keeps its state in var/ there unless the file names a folder', () => {
    fs.mkdirSync(path.join(packageDir, 'etc'))
    fs.writeFileSync(path.join(packageDir, 'etc', 'agent.json'), JSON.stringify(config))
    runAsBundle({ script: path.join(packageDir, 'lib', 'msx-agent.mjs'), nativeBinding: '', packageDir })
    const found = packaged()
    expect(found?.config).toEqual(config)
    expect(found && packagedDataDir(found)).toBe(path.join(packageDir, 'var'))
    expect(found && packagedDataDir({ ...found, config: { ...found.config, dataDir: '/var/lib/msx-agent' } })).toBe(
      '/var/lib/msx-agent',
    )
  })

  it('refuses a configuration without an https gateway, a certificate or a token, saying which', () => {
    const problems = (value: object) => packageConfigSchema.safeParse(value).error?.issues.map((i) => i.message)
    expect(problems({ ...config, gatewayUrl: 'not a url' })).toEqual([
      'gatewayUrl must be the https:// address of the agent gateway',
    ])
    expect(problems({ ...config, caPem: 'x' })).toEqual(['caPem must be a PEM certificate'])
    expect(problems({ ...config, token: '' })).toEqual(['token must be an enlistment token'])
  })
})
