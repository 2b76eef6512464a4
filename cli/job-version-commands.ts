// msx job export, versions, diff, targets, running and missed: a job's kept versions as job files, compared, the
// version each target holds, the runs in progress across the fleet, and a job's missed runs.
import fs from 'node:fs'
import type { Command } from 'commander'
import YAML from 'yaml'
import { invalid } from '../lib/msx/errors'
import { jobFileFormat } from '../lib/msx/job-file'
import type { RunningJob } from '../lib/msx/jobs-running'
import type { MissedRunView } from '../lib/msx/missed-run-list'
import { MISSED_REASON_LABELS, type MissedReason, missedRunSentence } from '../lib/msx/missed-run-words'
import { currentStepWords } from '../lib/msx/running-words'
import { callApi } from './api-client'
import { formatTable, print } from './table'

const wholeNumber = (what: string) => (value: string) => {
  if (!/^[1-9]\d*$/.test(value)) throw invalid(`${what} is a version number as msx job versions lists it (1, 2, ...).`)
  return Number(value)
}

const elapsed = (ms: number) => {
  const s = Math.floor(ms / 1000)
  return s < 3600
    ? `${Math.floor(s / 60)} min ${s % 60} s`
    : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

export function addJobVersionCommands(job: Command) {
  job
    .command('export')
    .description('write the job file of a job (its current version, or --version N): msx job apply reads it back')
    .argument('<name>')
    .option('--version <n>', 'this kept version (msx job versions lists them)')
    .option('--format <format>', 'json or yaml (default: from the --output file name, json on standard output)')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (name: string, o) => {
      const version = o.version === undefined ? undefined : wholeNumber('--version')(o.version)
      const format = o.format ?? (o.output ? jobFileFormat(o.output) : 'json')
      if (format !== 'json' && format !== 'yaml') throw invalid('--format is json or yaml.')
      const file = await callApi('jobs.export', { name, version })
      const text = format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : YAML.stringify(file)
      if (!o.output) return void process.stdout.write(text)
      fs.writeFileSync(o.output, text)
      console.log(`Wrote ${version ? `version ${version} of ` : ''}job ${file.name} to ${o.output}.`)
    })

  job
    .command('versions')
    .description('the kept versions of a job: who saved each and when')
    .argument('<name>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      const rows = await callApi('jobs.versions', { name })
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Version', (r) => `${r.version}${r.current ? ' (current)' : ''}`],
          ['Saved by', (r) => r.savedBy],
          ['Saved at', (r) => r.savedAt],
        ]),
      )
    })

  job
    .command('diff')
    .description('compare two versions of a job as a unified diff of their job files (JSON)')
    .argument('<name>')
    .argument('<a>', 'the older version', wholeNumber('A'))
    .argument('<b>', 'the newer version', wholeNumber('B'))
    .action(async (name: string, from: number, to: number) => {
      const diff = await callApi('jobs.diff', { name, from, to })
      const same = diff.lines.every((l) => l.kind === 'same')
      console.log(same ? `Versions ${from} and ${to} of job ${name} are the same.` : diff.unified)
    })

  job
    .command('targets')
    .description('per target server of a job: the version it holds, what it has still to download, or its error')
    .argument('<name>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      const rows = await callApi('jobs.targets', { name })
      print(o.json, rows, () =>
        rows.length === 0
          ? `No target server holds job ${name}.`
          : formatTable(rows, [
              ['Target server', (r) => r.target],
              [
                'Holds version',
                (r) => (r.heldVersion === null ? 'none yet' : `${r.heldVersion}${r.current ? ' (current)' : ''}`),
              ],
              [
                'Download',
                (r) =>
                  r.error
                    ? `error on ${r.error.operation}: ${r.error.message}`
                    : r.pending
                      ? `${r.pending.operation} of version ${r.pending.version ?? '?'} pending since ${r.pending.postedAt}`
                      : '',
              ],
            ]),
      )
    })

  job
    .command('running')
    .description('job runs in progress on every target server: the step each is on, as of its last report')
    .option('--job <part>', 'only jobs whose name holds this')
    .option('--target <part>', 'only target servers whose name holds this')
    .option('--longer', 'only runs longer than usual (over twice their target’s usual duration)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows: RunningJob[] = []
      for (let page = 1; ; page++) {
        const list = await callApi('jobs.running', {
          job: o.job,
          target: o.target,
          longer: o.longer ? 'yes' : undefined,
          page,
          pageSize: 500,
        })
        rows.push(...list.rows)
        if (rows.length >= list.total || list.rows.length === 0) break
      }
      print(o.json, rows, () =>
        rows.length === 0
          ? `No job run is in progress on any target server${o.job || o.target || o.longer ? ' that matches' : ''}.`
          : formatTable(rows, [
              ['Job', (r) => r.job],
              ['Target server', (r) => r.target],
              ['Current step', (r) => currentStepWords(r)],
              ['Started', (r) => r.startedAt],
              ['Elapsed', (r) => elapsed(r.elapsedMs)],
              ['Usual', (r) => (r.usualMs === null ? '' : elapsed(r.usualMs))],
              ['', (r) => (r.longerThanUsual ? 'longer than usual' : '')],
            ]),
      )
    })

  job
    .command('missed')
    .description('a job’s scheduled runs that did not happen on a target, or started late, with the reason')
    .argument('<name>')
    .option('--target <name>', 'only this target server')
    .option('--reason <reason>', `only this reason: ${Object.keys(MISSED_REASON_LABELS).join(', ')}`)
    .option('--window <window>', 'due in the last day (default), week, or all that job history keeps', 'day')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      const rows: MissedRunView[] = []
      for (let page = 1; ; page++) {
        const list = await callApi('jobs.missed', {
          job: name,
          target: o.target,
          reason: o.reason,
          window: o.window,
          page,
          pageSize: 200,
        })
        rows.push(...list.rows)
        if (rows.length >= list.total || list.rows.length === 0) break
      }
      print(o.json, rows, () =>
        rows.length === 0
          ? `No missed run of ${name}${o.target || o.reason ? ' that matches' : ''} in this window.`
          : formatTable(rows, [
              ['Due at', (r) => r.dueAt],
              ['Schedule', (r) => r.schedule],
              ['Target server', (r) => r.target],
              ['Reason', (r) => MISSED_REASON_LABELS[r.reason as MissedReason] ?? r.reason],
              ['', (r) => missedRunSentence(r, (iso) => iso)],
            ]),
      )
    })
}
