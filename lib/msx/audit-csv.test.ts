import { describe, expect, it } from 'vitest'
import { auditCsv, auditCsvFileName, auditCsvStream, neutralizeFormula } from './audit-csv'
import type { AuditRow } from './audit-list'

const row = (fields: Partial<AuditRow>): AuditRow => ({
  id: 1,
  at: '2026-03-04T05:06:07.089Z',
  actor: 'admin',
  action: 'target.enlist',
  objectType: 'target',
  objectName: 'TSX1',
  details: '',
  address: '127.0.0.1',
  result: 'success',
  ...fields,
})

describe('the activity log as CSV', () => {
  it('starts with a byte order mark and the column names', () => {
    expect(auditCsv([], true)).toBe('\uFEFFWhen,User,Action,Object type,Object,Details,Address,Result\r\n')
  })

  it('quotes commas, quotes and line breaks, one record per line', () => {
    const csv = auditCsv([
      row({ details: '{"servers":"A, B","reason":"say \\"hi\\""}', objectName: 'line\nbreak' }),
      row({ id: 2, objectName: 'carriage\rreturn' }),
    ])
    expect(csv).toBe(
      '2026-03-04T05:06:07.089Z,admin,target.enlist,target,"line\nbreak","{""servers"":""A, B"",""reason"":""say \\""hi\\""""}",127.0.0.1,success\r\n' +
        '2026-03-04T05:06:07.089Z,admin,target.enlist,target,"carriage\rreturn",,127.0.0.1,success\r\n',
    )
  })

  it('makes a cell a spreadsheet would run as a formula plain text', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralizeFormula(cell)).toBe(`'${cell}`)
    for (const cell of ['TSX1', '', '1-1', "'=1", '{"a":"=1"}']) expect(neutralizeFormula(cell)).toBe(cell)

    expect(auditCsv([row({ actor: '=cmd|" /C calc"!A0', objectName: '@x, y' })])).toBe(
      `2026-03-04T05:06:07.089Z,"'=cmd|"" /C calc""!A0",target.enlist,target,"'@x, y",,127.0.0.1,success\r\n`,
    )
  })

  it('streams the header, then each chunk', async () => {
    async function* chunks() {
      yield [row({ id: 2, objectName: 'TSX2' })]
      yield [row({ id: 1 })]
    }
    const text = await new Response(auditCsvStream(chunks())).text()
    // Response.text() drops the byte order mark as a UTF-8 decoder does
    expect(text.split('\r\n')).toEqual([
      'When,User,Action,Object type,Object,Details,Address,Result',
      '2026-03-04T05:06:07.089Z,admin,target.enlist,target,TSX2,,127.0.0.1,success',
      '2026-03-04T05:06:07.089Z,admin,target.enlist,target,TSX1,,127.0.0.1,success',
      '',
    ])
  })

  it('names the file after the time of the export, in UTC', () => {
    expect(auditCsvFileName(new Date('2026-03-04T05:06:59.999Z'))).toBe('msx-activity-20260304-0506.csv')
  })
})
