// Whether .next holds a build of the current sources: a stamp of every source file's path, mtime and size,
// written beside the build. Cheap enough to check at every start (a few thousand stat calls).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { root } from './run.mjs'

const inputs = [
  'app',
  'components',
  'lib',
  'server',
  'generated',
  'public',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
]
const stampFile = path.join(root, '.next', 'msx-source-stamp')
const isTest = /\.test\.tsx?$/

function walk(relative, out) {
  const full = path.join(root, relative)
  let stat
  try {
    stat = fs.statSync(full)
  } catch {
    return // an optional input that does not exist
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) walk(path.join(relative, name), out)
  } else if (!isTest.test(relative)) {
    out.push(`${relative}\t${stat.mtimeMs}\t${stat.size}`)
  }
}

/** The stamp of the sources as they are now. */
export function sourceStamp() {
  const lines = []
  for (const input of inputs) walk(input, lines)
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

export function buildIsCurrent(stamp) {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return false
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp
}

/** Records that the build in .next was made from the sources as they were at `stamp`. */
export function writeBuildStamp(stamp) {
  fs.writeFileSync(stampFile, stamp)
}
