// What the MSXOperator receives about job outcomes: one message per job, channel and window, naming the targets and
// counting them ("nightly-vacuum failed on 37 of 40 target servers"), as e-mail text and HTML, a short pager text,
// and the webhook's JSON (docs/notifications.md).

export interface OutcomeRow {
  targetName: string
  runId: string
  outcome: number
  message: string
  endedAt: Date
  jobVersion: number
}

export interface MessageInput {
  master: string
  jobName: string
  /** the job's targets now; never fewer than the targets named */
  totalTargets: number
  rows: OutcomeRow[]
  dashboardUrl?: string
  sentAt: Date
}

export interface OutcomeMessage {
  subject: string
  text: string
  html: string
  pagerText: string
  payload: OutcomePayload
}

export interface OutcomePayload {
  event: 'job.outcome'
  master: string
  summary: string
  job: { name: string; version: number; link: string }
  counts: { failed: number; succeeded: number; canceled: number; notified: number; targets: number }
  targets: { name: string; outcome: string; runId: string; endedAt: string; version: number; message: string }[]
  sentAt: string
}

const WORDS: Record<number, string> = { 0: 'failed', 1: 'succeeded', 3: 'canceled' }
const wordOf = (outcome: number) => WORDS[outcome] ?? 'ended'
/** the e-mail names this many targets; the webhook names them all */
const LISTED = 200

export function jobLink(jobName: string, dashboardUrl = '') {
  return `${dashboardUrl}/jobs/${encodeURIComponent(jobName)}`
}

export function summarize(jobName: string, rows: OutcomeRow[], totalTargets: number): string {
  const total = Math.max(totalTargets, new Set(rows.map((r) => r.targetName)).size)
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(wordOf(r.outcome), (counts.get(wordOf(r.outcome)) ?? 0) + 1)
  const parts = ['failed', 'succeeded', 'canceled', 'ended']
    .filter((w) => counts.has(w))
    .map((w) => `${w} on ${(counts.get(w) ?? 0).toLocaleString('en-US')}`)
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]
  const few = rows.length <= 3 ? `: ${rows.map((r) => r.targetName).join(', ')}` : ''
  return `${jobName} ${list} of ${total.toLocaleString('en-US')} target server${total === 1 ? '' : 's'}${few}`
}

const utc = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

export function renderMessage(input: MessageInput): OutcomeMessage {
  const rows = [...input.rows].sort((a, b) => a.outcome - b.outcome || a.targetName.localeCompare(b.targetName))
  const total = Math.max(input.totalTargets, new Set(rows.map((r) => r.targetName)).size)
  const summary = summarize(input.jobName, rows, total)
  const version = Math.max(...rows.map((r) => r.jobVersion))
  const link = jobLink(input.jobName, input.dashboardUrl)
  const ended = rows.map((r) => r.endedAt.getTime())
  const span = `${utc(new Date(Math.min(...ended)))} and ${utc(new Date(Math.max(...ended)))}`
  const listed = rows.slice(0, LISTED)
  const more = rows.length - listed.length
  const line = (r: OutcomeRow) =>
    `  ${r.targetName}  ${wordOf(r.outcome)}  ${utc(r.endedAt)}  run ${r.runId}  ${r.message}`
  const text = [
    `${summary}.`,
    '',
    `Master server: ${input.master}`,
    `Job: ${input.jobName} (version ${version})`,
    `Runs that ended between ${span}:`,
    ...listed.map(line),
    ...(more > 0 ? [`  and ${more.toLocaleString('en-US')} more (see the job's history)`] : []),
    '',
    `The job: ${link}`,
  ].join('\n')
  const cell = (s: string) => `<td style="padding:2px 8px">${escapeHtml(s)}</td>`
  const html = [
    `<p><strong>${escapeHtml(summary)}.</strong></p>`,
    `<p>Master server ${escapeHtml(input.master)}; job ${escapeHtml(input.jobName)} (version ${version}); runs that ended between ${escapeHtml(span)}.</p>`,
    '<table><thead><tr><th align="left">Target server</th><th align="left">Outcome</th><th align="left">Ended</th><th align="left">Run</th><th align="left">Message</th></tr></thead><tbody>',
    ...listed.map(
      (r) =>
        `<tr>${cell(r.targetName)}${cell(wordOf(r.outcome))}${cell(utc(r.endedAt))}${cell(r.runId)}${cell(r.message)}</tr>`,
    ),
    '</tbody></table>',
    ...(more > 0 ? [`<p>and ${more.toLocaleString('en-US')} more (see the job's history)</p>`] : []),
    `<p><a href="${escapeHtml(link)}">Open ${escapeHtml(input.jobName)}</a></p>`,
  ].join('\n')
  const count = (o: number) => rows.filter((r) => r.outcome === o).length
  return {
    subject: summary,
    text,
    html,
    pagerText: `${summary}. Master ${input.master}.`,
    payload: {
      event: 'job.outcome',
      master: input.master,
      summary,
      job: { name: input.jobName, version, link },
      counts: { failed: count(0), succeeded: count(1), canceled: count(3), notified: rows.length, targets: total },
      targets: rows.map((r) => ({
        name: r.targetName,
        outcome: wordOf(r.outcome),
        runId: r.runId,
        endedAt: r.endedAt.toISOString(),
        version: r.jobVersion,
        message: r.message,
      })),
      sentAt: input.sentAt.toISOString(),
    },
  }
}
