import { describe, expect, it } from 'vitest'
import { Backoff } from './backoff'

describe('backoff with full jitter', () => {
  it('waits a random time under a ceiling that doubles from 1 s up to 60 s, and starts over after a success', () => {
    const highest = new Backoff(1000, 60_000, () => 0.999_999)
    const ceilings = Array.from({ length: 9 }, () => highest.nextDelayMs())
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000])
    highest.reset()
    expect(highest.failing).toBe(false)
    expect(highest.nextDelayMs()).toBe(1000)
  })

  it('spreads agents that fail together over the whole interval', () => {
    const delays = Array.from({ length: 1000 }, () => {
      const backoff = new Backoff(1000, 60_000)
      for (let i = 0; i < 5; i++) backoff.nextDelayMs()
      return backoff.nextDelayMs()
    })
    expect(Math.min(...delays)).toBeLessThan(4000)
    expect(Math.max(...delays)).toBeGreaterThan(28_000)
  })
})
