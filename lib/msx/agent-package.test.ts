import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { list } from 'tar'
import { beforeAll, describe, expect, it } from 'vitest'
import { agentBundle } from '../../test/support/agent-bundle'
import { packageFiles } from './agent-package'
import { writeTarGz } from './agent-package/tar'

const config = {
  gatewayUrl: 'https://msx1.example.com:3443',
  caPem: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n',
  token: 'msxe_secret',
  location: '',
}

beforeAll(() => agentBundle())

describe('an agent package', () => {
  it('is one msx-agent/ folder: launcher, bundle, native module, unit, configuration (owner only), installer', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-package-unit-')), 'p.tar.gz')
    fs.writeFileSync(file, await writeTarGz(packageFiles(config)))
    const entries: Record<string, string> = {}
    await list({
      file,
      onReadEntry: (e) => {
        entries[e.path] = (e.mode ?? 0).toString(8)
      },
    })
    fs.rmSync(path.dirname(file), { recursive: true })
    expect(entries).toMatchObject({
      'msx-agent/bin/msx-agent': '755',
      'msx-agent/lib/msx-agent.mjs': '644',
      'msx-agent/lib/better_sqlite3.node': '755',
      'msx-agent/lib/msx-agent.service': '644',
      'msx-agent/etc/agent.json': '600',
      'msx-agent/install.sh': '755',
    })
  })

  it('has shell scripts that parse and a unit that restarts on failure, hardened', () => {
    const files = packageFiles(config)
    for (const script of ['bin/msx-agent', 'install.sh']) {
      const text = files.find((f) => f.path === script)?.content.toString() ?? ''
      expect(() => execFileSync('sh', ['-n'], { input: text })).not.toThrow()
    }
    const unit = files.find((f) => f.path === 'lib/msx-agent.service')?.content.toString()
    expect(unit).toContain('ExecStart=/opt/msx-agent/bin/msx-agent run')
    for (const line of ['User=msx-agent', 'Restart=on-failure', 'NoNewPrivileges=yes', 'ProtectSystem=full'])
      expect(unit).toContain(`\n${line}\n`)
    if (fs.existsSync('/usr/bin/systemd-analyze')) {
      // verify checks that ExecStart exists: the installed launcher is not on this machine
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-unit-'))
      fs.writeFileSync(
        path.join(dir, 'msx-agent.service'),
        unit?.replace('/opt/msx-agent/bin/msx-agent', '/bin/true') ?? '',
      )
      expect(() => execFileSync('systemd-analyze', ['verify', path.join(dir, 'msx-agent.service')])).not.toThrow()
      fs.rmSync(dir, { recursive: true })
    }
    expect(JSON.parse(files.find((f) => f.path === 'etc/agent.json')?.content.toString() ?? '')).toEqual(config)
  })
})
