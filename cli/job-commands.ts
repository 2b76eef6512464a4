// msx job ...: multiserver jobs from the shell, and kept as files (docs/job-file.md). A job file is read here
// and its definition sent to the master's API, which checks it.
import fs from 'node:fs'
import type { Command } from 'commander'
import { invalid } from '../lib/msx/errors'
import { parseJobFile } from '../lib/msx/job-file'
import type { JobRun } from '../lib/msx/job-history'
import type { JobDescription } from '../lib/msx/job-list'
import { callApi, type Json } from './api-client'
import { addJobVersionCommands } from './job-version-commands'
import { formatTable, print } from './table'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const asSeconds = (ms: number | null) => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`)
/** In text, a step's output shows its last lines; --json has all of it. */
const OUTPUT_LINES_SHOWN = 10

/** Reads a job file, refusing what cannot be read with the reason. */
export function readJobFile(file: string): unknown {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw invalid(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    )
  }
  return parseJobFile(text, file)
}

export function addJobCommands(program: Command) {
  const job = program
    .command('job')
    .description('multiserver jobs: apply from files, list, show, start, stop, pause, resume, history, versions')

  job
    .command('apply')
    .description('create or update a job from a JSON or YAML file (docs/job-file.md) and post it to its targets')
    .requiredOption('--file <file>', 'the job file')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const result = await callApi('jobs.apply', { definition: readJobFile(o.file) })
      print(o.json, result, () => {
        if (result.action === 'unchanged')
          return `Job ${result.name} is unchanged (version ${result.version}): nothing was posted.`
        const head = `${result.action === 'created' ? 'Created' : 'Updated'} job ${result.name} (version ${result.version}).`
        if (result.posted.length === 0) return `${head} Nothing was posted: it targets no server.`
        const lines = result.posted.map(
          (p) => `Posted ${p.operation} to ${plural(p.targets.length, 'target server')}: ${p.targets.join(', ')}.`,
        )
        return [head, ...lines].join('\n')
      })
    })

  job
    .command('list')
    .description('list multiserver jobs with how they last went on their targets')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await callApi('jobs.list', {})
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Job', (r) => r.name],
          ['Enabled', (r) => (r.enabled ? 'yes' : 'no')],
          ['Version', (r) => r.version],
          ['Steps', (r) => r.steps],
          ['Schedules', (r) => r.schedules],
          ['Targets', (r) => r.targets],
          ['Last run', (r) => r.lastRunAt ?? 'never'],
          [
            'Last outcomes',
            (r) =>
              Object.entries(r.lastOutcomes)
                .map(([outcome, n]) => `${n} ${outcome.toLowerCase()}`)
                .join(', '),
          ],
        ]),
      )
    })

  job
    .command('show')
    .description('show a job: its definition (as a job file) and its last outcome on each target')
    .argument('<name>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      const description = await callApi('jobs.show', { name })
      print(o.json, description, () => formatJob(description))
    })

  job
    .command('start')
    .description('start a job now on its targets (all of them, or those named), from step 1 or the step given')
    .argument('<name>')
    .option('--target <names...>', 'only on these target servers')
    .option('--step <n>', 'start at this step (Start Job at Step)')
    .action(async (name: string, o) => {
      if (o.step !== undefined && !/^[1-9]\d*$/.test(o.step)) throw invalid('--step takes a step number, from 1.')
      await postJobOperation('START', name, o.target, o.step === undefined ? undefined : Number(o.step))
    })

  job
    .command('start-failed')
    .description('start a job again on the targets whose latest run of it failed, from the step that failed')
    .argument('<name>')
    .option('--from-start', 'from step 1 instead of the step that failed')
    .action(async (name: string, o) => {
      const result = await callApi('jobs.start-failed', { name, from: o.fromStart ? 'start' : 'failed-step' })
      const steps = result.steps.map((s) => `step ${s.step} on ${s.targets.join(', ')}`).join('; ')
      console.log(`Posted START of ${result.job} to ${plural(result.posted, 'target server')}: ${steps}.`)
    })

  job
    .command('stop')
    .description('stop a running job on its targets (all of them, or those named)')
    .argument('<name>')
    .option('--target <names...>', 'only on these target servers')
    .action(async (name: string, o) => postJobOperation('STOP', name, o.target))

  job
    .command('pause')
    .description('pause a job’s schedules until a date and time: no scheduled run fires on any target before then')
    .argument('<name>')
    .requiredOption('--until <time>', 'a date and time with its offset, e.g. 2026-12-04T06:00:00+01:00')
    .action(async (name: string, o) => {
      const result = await callApi('jobs.pause', { name, until: o.until })
      console.log(
        `Paused the schedules of ${result.name} until ${result.pausedUntil}: posted UPDATE to ${plural(result.posted, 'target server')}. Manual starts still run.`,
      )
    })

  job
    .command('resume')
    .description('resume a job’s paused schedules now')
    .argument('<name>')
    .action(async (name: string) => {
      const result = await callApi('jobs.resume', { name })
      console.log(
        result.wasPaused
          ? `Resumed the schedules of ${result.name}: posted UPDATE to ${plural(result.posted, 'target server')}.`
          : `The schedules of ${result.name} were not paused: nothing was posted.`,
      )
    })

  job
    .command('delete')
    .description('delete a job; every target holding it gets DELETE')
    .argument('<name>')
    .action(async (name: string) => {
      const { name: deleted, deleted: count } = await callApi('jobs.delete', { name })
      console.log(`Deleted job ${deleted}: posted DELETE to ${plural(count, 'target server')}.`)
    })

  job
    .command('history')
    .description('runs of a job, newest first, with their steps (outcome, start, duration, retries, output)')
    .argument('<name>')
    .option('--target <name>', 'on this target server only')
    .option('--limit <n>', 'at most this many runs', '20')
    .option('--json', 'print JSON (with each step’s whole output)')
    .action(async (name: string, o) => {
      if (!/^\d+$/.test(o.limit)) throw invalid('--limit takes a whole number.')
      const runs = await callApi('jobs.history', { name, target: o.target, limit: Number(o.limit) })
      print(o.json, runs, () => (runs.length === 0 ? `Job ${name} has not run yet.` : runs.map(formatRun).join('\n\n')))
    })

  addJobVersionCommands(job)
}

async function postJobOperation(operation: 'START' | 'STOP', job: string, targets?: string[], step?: number) {
  const result = await callApi(operation === 'START' ? 'jobs.start' : 'jobs.stop', { name: job, targets, step })
  const at = step ? `, at step ${step}` : ''
  console.log(
    `Posted ${operation} of ${job} to ${plural(result.posted, 'target server')}${at}: ${result.targets.join(', ')}.`,
  )
}

function formatJob({ definition: d, version, owner, pausedUntil, targets }: Json<JobDescription>): string {
  const lines = [
    `Job ${d.name} (version ${version}, owner ${owner}, ${d.enabled ? 'enabled' : 'disabled'})`,
    ...(d.description ? [d.description] : []),
    `Category: ${d.category}`,
    '',
    'Steps:',
    ...d.steps.map((s, i) => {
      const on = s.kind === 'sql' ? ` on ${s.connection}` : ''
      const proxy = s.proxy ? ` as proxy ${s.proxy}` : ''
      const retries = s.retryAttempts
        ? `, ${s.retryAttempts} ${s.retryAttempts === 1 ? 'retry' : 'retries'} every ${s.retryIntervalSeconds} s`
        : ''
      const timeout = s.timeoutSeconds ? `, timeout ${s.timeoutSeconds} s` : ''
      return `  ${i + 1}. ${s.name} (${s.kind}${on}${proxy}): on success ${s.onSuccess}, on failure ${s.onFailure}${retries}${timeout}\n     ${s.command.split('\n').join('\n     ')}`
    }),
    '',
    `Schedules: ${
      (d.schedules ?? [])
        .map((s) => {
          const from = s.startsAt ? `, from ${s.startsAt}` : ''
          const until = s.endsAt ? `, until ${s.endsAt}` : ''
          return `${s.name} (${s.cron ?? s.runAt}${from}${until}${s.enabled === false ? ', disabled' : ''})`
        })
        .join('; ') || 'none'
    }${pausedUntil ? ` (paused until ${pausedUntil})` : ''}`,
    `Applied to: ${[...d.targets.servers, ...d.targets.groups.map((g) => `group ${g}`)].join(', ') || 'no target'}`,
    '',
  ]
  if (targets.length === 0) return [...lines, 'No target server holds it.'].join('\n')
  const table = formatTable(targets, [
    ['Target server', (t) => t.name],
    ['Last outcome', (t) => t.outcome],
    ['Last run', (t) => t.lastRunAt ?? 'never'],
    ['Duration', (t) => asSeconds(t.durationMs)],
    ['Message', (t) => t.message ?? ''],
  ])
  return [...lines, table].join('\n')
}

function formatRun(run: Json<JobRun>): string {
  const head = `${run.startedAt}  ${run.targetName}  ${run.outcome}  ${asSeconds(run.durationMs)}  (run ${run.runId})\n  ${run.message}`
  const steps = run.steps.map((s) => {
    const retries = s.retriesAttempted
      ? `, after ${s.retriesAttempted} ${s.retriesAttempted === 1 ? 'retry' : 'retries'}`
      : ''
    const output = s.output.trimEnd().split('\n')
    const shown = output.slice(-OUTPUT_LINES_SHOWN)
    const more =
      output.length > shown.length ? [`| (${output.length - shown.length} earlier lines: --json shows all)`] : []
    const body = s.output.trim() === '' ? [] : [...more, ...shown.map((line) => `| ${line}`)]
    return [
      `  step ${s.stepNumber} ${s.stepName}: ${s.outcome}${retries}, started ${s.startedAt}, ${asSeconds(s.durationMs)}`,
      `    ${s.message}`,
      ...body.map((line) => `    ${line}`),
    ].join('\n')
  })
  return [head, ...steps].join('\n')
}
