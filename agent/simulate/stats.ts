// What a swarm is doing, counted as it happens and printed as one line every few seconds.

const MAX_DISTINCT_ERRORS = 50

export class SwarmStats {
  /** virtual targets holding a certificate */
  enlisted = 0
  enlisting = 0
  /** virtual targets in their poll loop */
  polling = 0
  /** polls sent and not answered yet (long polls held by the master) */
  waiting = 0
  polls = 0
  instructions = 0
  acknowledged = 0
  /** jobs run (as no-ops) on START */
  runs = 0
  errors = 0
  /** virtual targets stopped for good: refused by the master, or defected */
  stopped = 0
  private readonly seen = new Set<string>()
  private last = { at: performance.now(), polls: 0, cpu: process.cpuUsage() }

  constructor(readonly count: number) {}

  /** Counts an error; true the first time its message is seen, so each kind is printed once. */
  error(message: string): boolean {
    this.errors += 1
    if (this.seen.has(message) || this.seen.size >= MAX_DISTINCT_ERRORS) return false
    this.seen.add(message)
    return true
  }

  /** One line: progress, poll rate since the previous line, and this process's memory and CPU. */
  line(): string {
    const now = performance.now()
    const seconds = Math.max((now - this.last.at) / 1000, 0.001)
    const cpu = process.cpuUsage(this.last.cpu)
    const rate = (this.polls - this.last.polls) / seconds
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / (now - this.last.at)) * 100
    this.last = { at: now, polls: this.polls, cpu: process.cpuUsage() }
    const rssMb = process.memoryUsage.rss() / 1024 / 1024
    return [
      `enlisted ${this.enlisted}/${this.count}`,
      this.enlisting ? `enlisting ${this.enlisting}` : '',
      `polling ${this.polling}`,
      `waiting ${this.waiting}`,
      `polls/s ${rate.toFixed(1)}`,
      `instructions ${this.instructions}`,
      this.runs ? `job runs ${this.runs}` : '',
      `errors ${this.errors}`,
      this.stopped ? `stopped ${this.stopped}` : '',
      `rss ${rssMb.toFixed(0)} MB`,
      `cpu ${cpuPercent.toFixed(0)}%`,
    ]
      .filter(Boolean)
      .join(' · ')
  }
}
