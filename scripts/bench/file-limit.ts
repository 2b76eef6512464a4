// Ten thousand connected targets need as many sockets in the master and in the load processes: the benchmark
// raises its own open-file limit (its children inherit it) and reports what the OS granted.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

function openFileLimit(): number {
  const line = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'))?.[1]
  return line === 'unlimited' ? Number.POSITIVE_INFINITY : Number(line ?? 0)
}

/** Raises the open-file limit to `wanted` if allowed; the limit in force after, and why not when refused. */
export function raiseOpenFileLimit(wanted: number): { limit: number; refused: string | null } {
  if (openFileLimit() >= wanted) return { limit: openFileLimit(), refused: null }
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:${wanted}`], { stdio: 'pipe' })
    return { limit: openFileLimit(), refused: null }
  } catch (error) {
    const reason = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error)
    return { limit: openFileLimit(), refused: reason || 'prlimit failed' }
  }
}
