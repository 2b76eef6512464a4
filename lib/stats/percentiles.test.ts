import { describe, expect, it } from 'vitest'
import { percentile, summarize } from './percentiles'

describe('percentile', () => {
  it('takes the nearest rank, so the result is always a measured value', () => {
    const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 95)).toBe(100)
    expect(percentile(sorted, 91)).toBe(100)
    expect(percentile(sorted, 90)).toBe(90)
    expect(percentile(sorted, 0)).toBe(10)
    expect(percentile(sorted, 100)).toBe(100)
  })

  it('is NaN without samples and the one value with one sample', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(percentile([7], 1)).toBe(7)
    expect(percentile([7], 99)).toBe(7)
  })
})

describe('summarize', () => {
  it('sorts a copy numerically and leaves the samples as they were', () => {
    const samples = [5, 100, 1, 20, 3]
    expect(summarize(samples)).toEqual({ count: 5, min: 1, p50: 5, p95: 100, p99: 100, max: 100, mean: 25.8 })
    expect(samples).toEqual([5, 100, 1, 20, 3])
  })

  it('p99 of 1,000 samples 1..1000 is 990', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i)
    const s = summarize(samples)
    expect([s.p50, s.p95, s.p99]).toEqual([500, 950, 990])
  })

  it('reports no samples as NaN, not as zero', () => {
    const s = summarize([])
    expect(s.count).toBe(0)
    expect(s.p50).toBeNaN()
    expect(s.mean).toBeNaN()
  })
})
