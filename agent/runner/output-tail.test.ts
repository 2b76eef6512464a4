import { describe, expect, it } from 'vitest'
import { OutputTail } from './output-tail'

describe('a step’s output', () => {
  it('keeps all of a short output, without control characters', () => {
    const tail = new OutputTail(100)
    tail.push(Buffer.from('one\n\u001b[31mred\u001b[0m\n'))
    tail.push(Buffer.from('two\r\n'))
    expect(tail.text()).toBe('one\n[31mred[0m\ntwo\r\n')
  })

  it('keeps the last bytes of a long output and says how much was dropped', () => {
    const tail = new OutputTail(1024)
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(`line ${String(i).padStart(3, '0')}\n`.repeat(10)))
    const text = tail.text()
    expect(text.startsWith('[output truncated: the first 7976 bytes were dropped, the last 1 KiB follow]\n')).toBe(true)
    expect(text.endsWith('line 099\n')).toBe(true)
    expect(text.length).toBeLessThan(1024 + 100)
  })
})
