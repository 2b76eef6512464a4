// A line diff of two texts (longest common subsequence), and the unified format `diff -u` prints. Job files are at
// most a few thousand lines, so the quadratic table is small; the common start and end are trimmed first.

export interface DiffLine {
  /** same: in both; removed: only in the first text; added: only in the second */
  kind: 'same' | 'removed' | 'added'
  text: string
}

export function diffLines(a: string[], b: string[]): DiffLine[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const same = (text: string): DiffLine => ({ kind: 'same', text })
  return [...a.slice(0, start).map(same), ...middle(midA, midB), ...a.slice(endA).map(same)]
}

function middle(a: string[], b: string[]): DiffLine[] {
  const width = b.length + 1
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..]
  const common = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i * width + j] =
        a[i] === b[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0)
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i++] ?? '' })
      j++
      // on a tie the removal goes first, as diff -u prints a changed line
    } else if (
      i < a.length &&
      (j === b.length || (common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0))
    )
      lines.push({ kind: 'removed', text: a[i++] ?? '' })
    else lines.push({ kind: 'added', text: b[j++] ?? '' })
  }
  return lines
}

const MARK = { same: ' ', removed: '-', added: '+' } as const

/** The diff as `diff -u` prints it, with `context` unchanged lines around each change. */
export function unifiedDiff(lines: DiffLine[], fromLabel: string, toLabel: string, context = 3): string {
  const changed = lines.flatMap((l, i) => (l.kind === 'same' ? [] : [i]))
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`]
  let h = 0
  while (h < changed.length) {
    const first = Math.max(0, (changed[h] ?? 0) - context)
    let last = Math.min(lines.length - 1, (changed[h] ?? 0) + context)
    while (h + 1 < changed.length && (changed[h + 1] ?? 0) - context <= last + 1) {
      h++
      last = Math.min(lines.length - 1, (changed[h] ?? 0) + context)
    }
    h++
    const before = lines.slice(0, first)
    const hunk = lines.slice(first, last + 1)
    const fromStart = before.filter((l) => l.kind !== 'added').length + 1
    const toStart = before.filter((l) => l.kind !== 'removed').length + 1
    const fromCount = hunk.filter((l) => l.kind !== 'added').length
    const toCount = hunk.filter((l) => l.kind !== 'removed').length
    out.push(`@@ -${range(fromStart, fromCount)} +${range(toStart, toCount)} @@`)
    for (const l of hunk) out.push(`${MARK[l.kind]}${l.text}`)
  }
  return out.join('\n')
}

// diff -u writes an empty range as the line before it
const range = (start: number, count: number) =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`
