// The activity log as CSV (RFC 4180, CRLF), for a spreadsheet or a reviewer's tools.
import 'server-only'
import { stringify } from 'csv-stringify/sync'
import type { AuditRow } from './audit-list'

export const AUDIT_CSV_HEADER = ['When', 'User', 'Action', 'Object type', 'Object', 'Details', 'Address', 'Result']

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); an apostrophe
// in front makes it text. Names, details and reasons are typed by users and agents, so every cell is checked.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

export function auditCsvRecord(row: AuditRow): string[] {
  return [row.at, row.actor, row.action, row.objectType, row.objectName, row.details, row.address, row.result].map(
    neutralizeFormula,
  )
}

/** Rows as CSV text; with `header`, the column names first (after a byte order mark, for spreadsheets). */
export function auditCsv(rows: AuditRow[], header = false): string {
  const records = rows.map(auditCsvRecord)
  return stringify(header ? [AUDIT_CSV_HEADER, ...records] : records, {
    bom: header,
    record_delimiter: 'windows',
    // a lone CR or LF in a cell is quoted too (by default only the record delimiter, CRLF, is)
    quoted_match: /[\r\n]/,
  })
}

/** The header, then each chunk as it is read: one chunk in memory at a time, read only as fast as it is sent. */
export function auditCsvStream(chunks: AsyncGenerator<AuditRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsv([], true)))
    },
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(auditCsv(next.value)))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

/** msx-activity-YYYYMMDD-HHMM.csv, in UTC like the When column. */
export function auditCsvFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return `msx-activity-${stamp}.csv`
}
