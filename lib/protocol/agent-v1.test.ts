// The refusal codes in docs/agent-protocol.md are the protocol's own: the table lists each, the stop rule the
// final ones.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FINAL_REFUSAL_CODES, isFinalRefusal, REFUSAL_CODES } from './agent-v1'

const doc = readFileSync(new URL('../../docs/agent-protocol.md', import.meta.url), 'utf8')
const errors = doc.slice(doc.indexOf('## Errors'), doc.indexOf('\n## ', doc.indexOf('## Errors') + 1))
const codesIn = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((match) => match[1])

describe('the refusal codes', () => {
  it('are the ones docs/agent-protocol.md lists', () => {
    const rows = errors.split('\n').filter((line) => /^\| \d{3} \|/.test(line))
    const listed = rows.flatMap((row) => codesIn(row.split('|')[2] ?? ''))
    expect(listed.toSorted()).toEqual([...REFUSAL_CODES].toSorted())
  })

  it('that stop the agent are the ones the documentation says', () => {
    const rule = /An agent stops \(exit code 3\) on ([^:]+):/.exec(errors)?.[1] ?? ''
    expect(codesIn(rule).toSorted()).toEqual([...FINAL_REFUSAL_CODES].toSorted())
  })

  it('are final only when no retry can mend them', () => {
    expect(REFUSAL_CODES.filter(isFinalRefusal).toSorted()).toEqual([...FINAL_REFUSAL_CODES].toSorted())
    expect(isFinalRefusal('not_master')).toBe(false)
  })
})
