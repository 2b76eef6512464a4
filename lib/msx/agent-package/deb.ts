// A package's tree as a .deb, written in-process (no dpkg-deb on the master): the tree under /opt/msx-agent, the
// systemd unit, the doc files lintian asks for, and the maintainer scripts, as an ar archive of two tarballs.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { create } from 'tar'
import type { PackageFile } from '../agent-package'
import { writeAr } from './ar'
import { POSTINST, POSTRM, PRERM } from './deb-scripts'
import { INSTALL_PREFIX, LAYOUT, SERVICE_UNIT } from './layout'

export const DEB_PACKAGE = 'msx-agent'
const MAINTAINER = 'msx-admin master <msx-admin@example.com>'

/** The dpkg name of this platform's architecture: the native module in the package is built for it. */
export function debArchitecture(arch: string = process.arch): string {
  const names: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386' }
  const name = names[arch]
  if (!name) throw new Error(`No Debian architecture is known for ${arch}: make a tar package instead.`)
  return name
}

const docDir = `usr/share/doc/${DEB_PACKAGE}`

// The package is built on the master for its own fleet, not for the Debian archive: its tree is in /opt as the
// tar's is, and the native module is the one npm built.
const LINTIAN_OVERRIDES = `${DEB_PACKAGE}: dir-or-file-in-opt
${DEB_PACKAGE}: unstripped-binary-or-object [${INSTALL_PREFIX.slice(1)}/${LAYOUT.nativeModule}]
${DEB_PACKAGE}: non-standard-file-perm 0600 != 0644 [${INSTALL_PREFIX.slice(1)}/${LAYOUT.config}]
`

function docFiles(version: string, when: Date): PackageFile[] {
  const date = when.toUTCString().replace('GMT', '+0000')
  const changelog = `${DEB_PACKAGE} (${version}) unstable; urgency=medium\n\n  * Agent package made by the msx-admin master.\n\n -- ${MAINTAINER}  ${date}\n`
  const copyright = `msx-agent: the msx-admin target agent, bundled with the libraries it uses.\n\nCopyright ${when.getUTCFullYear()} the msx-admin authors.\n\nThe licences of the bundled libraries are in ${INSTALL_PREFIX}/${LAYOUT.licences}.\n`
  return [
    { path: `${docDir}/copyright`, mode: 0o644, content: Buffer.from(copyright) },
    // a native package (its version has no Debian revision) names its changelog changelog.gz
    { path: `${docDir}/changelog.gz`, mode: 0o644, content: gzipSync(changelog, { level: 9 }) },
    { path: `usr/share/lintian/overrides/${DEB_PACKAGE}`, mode: 0o644, content: Buffer.from(LINTIAN_OVERRIDES) },
  ]
}

/** The files as the target's file system holds them, paths without the leading slash. */
function installedFiles(files: PackageFile[], version: string, when: Date): PackageFile[] {
  const unit = files.find((f) => f.path === LAYOUT.unit)
  if (!unit) throw new Error('The package tree has no systemd unit.')
  return [
    ...files.map((f) => ({
      ...f,
      path: path.posix.join(INSTALL_PREFIX.slice(1), f.path),
      // a shared object is loaded, not run: Debian wants it 0644
      mode: f.path === LAYOUT.nativeModule ? 0o644 : f.mode,
    })),
    { path: `lib/systemd/system/${SERVICE_UNIT}`, mode: 0o644, content: unit.content },
    ...docFiles(version, when),
  ]
}

async function tarGzOf(files: PackageFile[], mtime: Date): Promise<Buffer> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-agent-deb-'))
  try {
    fs.chmodSync(staging, 0o755) // the ./ entry: dpkg and lintian read its mode
    for (const file of files) {
      const full = path.join(staging, file.path)
      fs.mkdirSync(path.dirname(full), { recursive: true })
      fs.writeFileSync(full, file.content)
      fs.chmodSync(full, file.mode)
    }
    for (const dir of fs.readdirSync(staging, { recursive: true, withFileTypes: true }))
      if (dir.isDirectory()) fs.chmodSync(path.join(dir.parentPath, dir.name), 0o755)
    const chunks: Buffer[] = []
    // portable: owned by root (uid 0); but a portable directory has no time, which dpkg shows as 1970
    const dated = (entry: { noMtime: boolean }) => {
      entry.noMtime = false
    }
    const options = { gzip: { level: 9 }, portable: true, mtime, cwd: staging, onWriteEntry: dated }
    for await (const chunk of create(options, ['.'])) chunks.push(Buffer.from(chunk as Uint8Array))
    return Buffer.concat(chunks)
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

function controlFile(version: string, architecture: string, installedBytes: number, gatewayUrl: string) {
  return `Package: ${DEB_PACKAGE}
Version: ${version}
Architecture: ${architecture}
Maintainer: ${MAINTAINER}
Installed-Size: ${Math.ceil(installedBytes / 1024)}
Depends: nodejs (>= 20), libc6, libstdc++6
Section: admin
Priority: optional
Description: msx-admin target agent, preconfigured to enlist into its master
 The msx-admin agent polls its master server over TLS and runs the jobs the
 master gives it (CmdExec and SQL steps). This package enlists the server
 by itself on first start into the master whose agent gateway is at
 ${gatewayUrl}
 then runs as the systemd service ${SERVICE_UNIT} under the system user
 msx-agent.
`
}

export async function writeDeb(
  files: PackageFile[],
  opts: { version: string; architecture: string; gatewayUrl: string; when?: Date },
): Promise<Buffer> {
  const when = opts.when ?? new Date()
  const installed = installedFiles(files, opts.version, when)
  const md5sums = installed.map((f) => `${createHash('md5').update(f.content).digest('hex')}  ${f.path}\n`).join('')
  const size = installed.reduce((sum, f) => sum + f.content.length, 0)
  const control: PackageFile[] = [
    {
      path: 'control',
      mode: 0o644,
      content: Buffer.from(controlFile(opts.version, opts.architecture, size, opts.gatewayUrl)),
    },
    { path: 'md5sums', mode: 0o644, content: Buffer.from(md5sums) },
    { path: 'postinst', mode: 0o755, content: Buffer.from(POSTINST) },
    { path: 'prerm', mode: 0o755, content: Buffer.from(PRERM) },
    { path: 'postrm', mode: 0o755, content: Buffer.from(POSTRM) },
  ]
  return writeAr(
    [
      { name: 'debian-binary', content: Buffer.from('2.0\n') },
      { name: 'control.tar.gz', content: await tarGzOf(control, when) },
      { name: 'data.tar.gz', content: await tarGzOf(installed, when) },
    ],
    Math.floor(when.getTime() / 1000),
  )
}
