// CPU time and memory of a process and everything it started (the master runs under tsx, which starts the
// real node process as its child), read from /proc: the benchmark's servers are measured from outside.
import fs from 'node:fs'

const TICKS_PER_SECOND = 100

interface Stat {
  pid: number
  ppid: number
  cpuTicks: number
}

function readStat(pid: string): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name, in parentheses, may itself hold spaces and parentheses
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { pid: Number(pid), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return null
  }
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const stats = fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(readStat)
    .filter((stat) => stat !== null)
  const tree = [root]
  for (let i = 0; i < tree.length; i++)
    for (const stat of stats) if (stat.ppid === tree[i] && !tree.includes(stat.pid)) tree.push(stat.pid)
  return tree
}

/** CPU seconds (user + system) used so far by the process tree. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) ticks += readStat(String(pid))?.cpuTicks ?? 0
  return ticks / TICKS_PER_SECOND
}

/** Resident memory of the process tree, in MB. */
export function rssMb(pids: number[]): number {
  let kb = 0
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      kb += Number(match?.[1] ?? 0)
    } catch {}
  }
  return kb / 1024
}
