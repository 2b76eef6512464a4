// Starts the bare TLS baseline (baseline-server.ts) as its own process, and drives its hold mode by signals.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface Baseline {
  child: ChildProcess
  url: string
  /** how many requests it holds open now (hold mode) */
  held(): Promise<number>
  /** answers every held request at once (hold mode) */
  release(): void
  stop(): void
}

export function startBaseline(pkiDir: string, mode: 'answer' | 'hold' = 'answer'): Promise<Baseline> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'baseline-server.ts'), pkiDir, mode],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const counts: ((held: number) => void)[] = []
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const text = d.toString()
      const port = /listening on (\d+)/.exec(text)?.[1]
      for (const [, held] of text.matchAll(/held (\d+)/g)) counts.shift()?.(Number(held))
      if (port)
        resolve({
          child,
          url: `https://127.0.0.1:${port}`,
          held: () =>
            new Promise((answered) => {
              counts.push(answered)
              child.kill('SIGUSR1')
            }),
          release: () => child.kill('SIGUSR2'),
          stop: () => child.kill('SIGTERM'),
        })
    })
    child.once('exit', (code) => reject(new Error(`the baseline server ended (${code})`)))
  })
}
