// Runs a child to completion, passing on Ctrl-C/SIGTERM/SIGHUP exactly once per press.
// The child gets its own process group, so a terminal's Ctrl-C reaches it only through us: with npm in
// between (which forwards the same signal again) it would otherwise get two, and two mean "exit at once".
import { spawn } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '')

// the same press, delivered by the terminal and forwarded by npm, arrives twice within a few milliseconds
const SAME_PRESS_MS = 300

/** Resolves with the child's exit code, or 128 + signal number when a signal ended it. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
      ...options,
    })
    let last = 0
    const forward = (signal) => {
      const now = Date.now()
      if (now - last < SAME_PRESS_MS) return
      last = now
      try {
        process.kill(-child.pid, signal === 'SIGHUP' ? 'SIGTERM' : signal)
      } catch {
        // already gone
      }
    }
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
    for (const signal of signals) process.on(signal, forward)
    const done = () => {
      for (const signal of signals) process.off(signal, forward)
    }
    child.once('error', (error) => {
      done()
      reject(error)
    })
    child.once('exit', (code, signal) => {
      done()
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0))
    })
  })
}

export const bin = {
  next: 'node_modules/next/dist/bin/next',
  tsc: 'node_modules/typescript/bin/tsc',
  biome: 'node_modules/@biomejs/biome/bin/biome',
  vitest: 'node_modules/vitest/vitest.mjs',
  playwright: 'node_modules/@playwright/test/cli.js',
}
