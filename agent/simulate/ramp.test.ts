import { describe, expect, it } from 'vitest'
import { Limit } from './limit'
import { defaultRampUpSeconds, startDelays, virtualTargetNames } from './ramp'

describe('startDelays', () => {
  it('gives each target its own slot of the ramp-up', () => {
    expect(startDelays(4, 1000, () => 0)).toEqual([0, 250, 500, 750])
    expect(startDelays(4, 1000, () => 0.5)).toEqual([125, 375, 625, 875])
  })

  it('stays inside the ramp-up, and starts everyone at once without one', () => {
    const delays = startDelays(1000, 10_000)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThan(10_000)
    expect(startDelays(3, 0)).toEqual([0, 0, 0])
  })

  it('defaults to 100 targets a second, at most 30 s', () => {
    expect(defaultRampUpSeconds(20)).toBe(0.2)
    expect(defaultRampUpSeconds(1000)).toBe(10)
    expect(defaultRampUpSeconds(100_000)).toBe(30)
  })
})

describe('virtualTargetNames', () => {
  it('pads numbers to the width of the count', () => {
    expect(virtualTargetNames('SIM', 3)).toEqual(['SIM-1', 'SIM-2', 'SIM-3'])
    expect(virtualTargetNames('LAB', 1000).slice(0, 2)).toEqual(['LAB-0001', 'LAB-0002'])
    expect(virtualTargetNames('LAB', 1000).at(-1)).toBe('LAB-1000')
  })
})

describe('Limit', () => {
  it('never runs more than its maximum at once, and runs every task', async () => {
    const limit = new Limit(3)
    let active = 0
    let most = 0
    const done: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit.run(async () => {
          active += 1
          most = Math.max(most, active)
          await new Promise((r) => setTimeout(r, 1 + (i % 3)))
          active -= 1
          done.push(i)
        }),
      ),
    )
    expect(most).toBe(3)
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('frees its place when a task fails', async () => {
    const limit = new Limit(1)
    await expect(limit.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await limit.run(async () => 'next')).toBe('next')
  })
})
