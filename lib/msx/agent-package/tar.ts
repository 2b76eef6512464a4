// A package's tree as a .tar.gz of one folder (msx-agent/), written with the tar library from a temporary copy
// of the tree: the modes are the files' own, owners and times left out (portable).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { create } from 'tar'
import type { PackageFile } from '../agent-package'
import { PACKAGE_FOLDER } from './layout'

export async function writeTarGz(files: PackageFile[]): Promise<Buffer> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-agent-package-'))
  try {
    for (const file of files) {
      const full = path.join(staging, PACKAGE_FOLDER, file.path)
      fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o755 })
      fs.writeFileSync(full, file.content)
      fs.chmodSync(full, file.mode) // the umask must not loosen or tighten what the package says
    }
    const chunks: Buffer[] = []
    for await (const chunk of create({ gzip: true, portable: true, cwd: staging }, [PACKAGE_FOLDER]))
      chunks.push(Buffer.from(chunk as Uint8Array))
    return Buffer.concat(chunks)
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
