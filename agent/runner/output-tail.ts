// A step's output as it is kept: stdout and stderr together, in the order they came, at most the last 64 KiB.
// The end of the output is where a failing command says why; the beginning is dropped, with a note saying so.
export const OUTPUT_LIMIT_BYTES = 64 * 1024

// control characters (terminal colours, NUL) would only bloat the JSON that carries the output to the master
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this is for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export class OutputTail {
  private chunks: Buffer[] = []
  private kept = 0
  private dropped = 0

  constructor(private readonly limit = OUTPUT_LIMIT_BYTES) {}

  push(chunk: Buffer) {
    this.chunks.push(chunk)
    this.kept += chunk.length
    while (this.kept > this.limit) {
      const first = this.chunks[0] as Buffer
      const excess = this.kept - this.limit
      if (first.length <= excess) {
        this.chunks.shift()
        this.kept -= first.length
        this.dropped += first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.kept -= excess
        this.dropped += excess
      }
    }
  }

  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8').replace(CONTROL, '')
    if (this.dropped === 0) return body
    return `[output truncated: the first ${this.dropped} bytes were dropped, the last ${this.limit / 1024} KiB follow]\n${body}`
  }
}
