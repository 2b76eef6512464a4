// The line diff and its unified format, against what diff -u prints for the same texts.
import { describe, expect, it } from 'vitest'
import { diffLines, unifiedDiff } from './line-diff'

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`)

describe('line diff', () => {
  it('puts a changed line as its removal then its addition, with three lines of context', () => {
    const a = lines(10)
    const b = a.map((l) => (l === 'line 5' ? 'line five' : l))
    expect(unifiedDiff(diffLines(a, b), 'a', 'b')).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
      ].join('\n'),
    )
  })

  it('writes far-apart changes as separate hunks, and an insertion with the count of each side', () => {
    const a = lines(20)
    const b = ['line 0', ...a.slice(0, 18), 'line 19b', 'line 20']
    const text = unifiedDiff(diffLines(a, b), 'a', 'b')
    expect(text.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,3 +1,4 @@', '@@ -16,5 +17,5 @@'])
  })

  it('finds nothing to change in equal texts', () => {
    expect(diffLines(lines(3), lines(3)).every((l) => l.kind === 'same')).toBe(true)
    expect(unifiedDiff(diffLines(lines(3), lines(3)), 'a', 'b')).toBe('--- a\n+++ b')
  })
})
