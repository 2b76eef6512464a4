/** Runs at most `max` tasks at a time; the others wait their turn in order. */
export class Limit {
  private active = 0
  private readonly queue: (() => void)[] = []

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve))
    else this.active += 1
    try {
      return await task()
    } finally {
      const next = this.queue.shift()
      if (next) next()
      else this.active -= 1
    }
  }
}
