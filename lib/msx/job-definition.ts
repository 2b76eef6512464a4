// A multiserver job as it is written (dashboard form, `msx job apply` file): validated with messages that
// name the field and say what is wrong. Unknown fields are refused.
import { z } from 'zod'
import { CRON_HELP, isValidCron } from './cron'
import { objectName, serverName } from './names'

export const STEP_KINDS = ['cmdexec', 'sql'] as const
/** change: a failure after a success (or a first run that fails), and the recovery after a failure */
export const NOTIFY_LEVELS = ['never', 'success', 'failure', 'completion', 'change'] as const
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number]
export const DEFAULT_JOB_CATEGORY = '[Uncategorized (Multi-Server)]'

const stepAction = z
  .string()
  .regex(
    /^(next|quit-success|quit-failure|goto:[1-9]\d*)$/,
    'must be next, quit-success, quit-failure or goto:N (a step number)',
  )

const cron = z.string().refine(isValidCron, { message: `is not a valid cron expression (${CRON_HELP})` })

export const jobStepDefinition = z
  .strictObject({
    name: objectName('step'),
    kind: z.enum(STEP_KINDS, { error: 'must be cmdexec or sql' }),
    command: z.string().min(1, 'is required').max(100_000, 'is longer than 100,000 characters'),
    connection: z.string().trim().min(1).max(128).optional(),
    proxy: z.string().trim().min(1).max(128).optional(),
    onSuccess: stepAction.default('next'),
    onFailure: stepAction.default('quit-failure'),
    retryAttempts: z.number().int().min(0).max(100).default(0),
    retryIntervalSeconds: z.number().int().min(0).max(86_400).default(0),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .optional(),
  })
  .superRefine((step, ctx) => {
    if (step.kind === 'sql' && !step.connection)
      ctx.addIssue({ code: 'custom', path: ['connection'], message: 'is required for a sql step' })
  })

const dateTime = z.iso.datetime({ offset: true, error: 'must be a date and time like 2026-12-01T02:00:00Z' })

export const jobScheduleDefinition = z
  .strictObject({
    name: objectName('schedule'),
    cron: cron.optional(),
    runAt: dateTime.optional(),
    /** a recurring schedule fires from this time on */
    startsAt: dateTime.optional(),
    /** a recurring schedule fires no more after this time */
    endsAt: dateTime.optional(),
    enabled: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    if ((s.cron === undefined) === (s.runAt === undefined))
      ctx.addIssue({ code: 'custom', message: 'needs either cron (recurring) or runAt (one time), not both' })
    if (s.runAt !== undefined)
      for (const key of ['startsAt', 'endsAt'] as const)
        if (s[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'applies to a recurring (cron) schedule only: a one-time schedule runs once, at runAt',
          })
    if (s.startsAt && s.endsAt && new Date(s.endsAt) <= new Date(s.startsAt))
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be later than startsAt (${s.startsAt}): the schedule would never fire`,
      })
  })

export const jobTargetsDefinition = z.strictObject({
  servers: z.array(serverName).default([]),
  groups: z.array(objectName('group')).default([]),
})

export const jobDefinition = z
  .strictObject({
    name: objectName('job'),
    description: z.string().max(512, 'has at most 512 characters').default(''),
    enabled: z.boolean().default(true),
    category: z.string().trim().min(1).max(128).default(DEFAULT_JOB_CATEGORY),
    notify: z
      .strictObject({
        /** only the MSXOperator may be named here (jobs.ts refuses any other); it is the one notified anyway */
        operator: z.string().trim().min(1).max(128).optional(),
        email: z.enum(NOTIFY_LEVELS).default('never'),
        pager: z.enum(NOTIFY_LEVELS).default('never'),
        webhook: z.enum(NOTIFY_LEVELS).default('never'),
      })
      .default({ email: 'never', pager: 'never', webhook: 'never' }),
    steps: z.array(jobStepDefinition).min(1, 'needs at least one step').max(100, 'has at most 100 steps'),
    schedules: z.array(jobScheduleDefinition).default([]),
    targets: jobTargetsDefinition.optional(),
  })
  .superRefine((job, ctx) => {
    job.steps.forEach((step, i) => {
      for (const key of ['onSuccess', 'onFailure'] as const) {
        const goto = /^goto:(\d+)$/.exec(step[key])
        if (goto && (Number(goto[1]) > job.steps.length || Number(goto[1]) === i + 1))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, key],
            message: `goes to step ${goto[1]}, but the job has steps 1 to ${job.steps.length} and a step cannot go to itself`,
          })
      }
    })
    for (const [what, list] of [
      ['step', job.steps],
      ['schedule', job.schedules],
    ] as const) {
      const seen = new Set<string>()
      list.forEach((item, i) => {
        const key = item.name.toUpperCase()
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [`${what}s`, i, 'name'],
            message: `repeats the ${what} name "${item.name}"`,
          })
        seen.add(key)
      })
    }
  })

export type JobDefinition = z.output<typeof jobDefinition>
export type JobDefinitionInput = z.input<typeof jobDefinition>

/** Formats validation problems as "steps[1].onFailure: must be ...", one per line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.flatMap(describeIssue).join('\n')
}

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
}

const A_OR_AN = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map(
      (key) => `${fieldPath([...issue.path, key])}: is not a field of a job file (see docs/job-file.md for the fields)`,
    )
  const where = fieldPath(issue.path)
  let message = issue.message
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message)
  if (issue.code === 'invalid_type' && type)
    message =
      type[2] === 'undefined' ? 'is required' : `must be ${A_OR_AN(type[1] ?? '')}, not ${A_OR_AN(type[2] ?? '')}`
  return [where ? `${where}: ${message}` : message]
}

export const NO_TARGETS_MESSAGE = 'You must specify the Target Servers on which this multi server job will execute.'

/** A job as the dashboard's editor saves it: its targets are always named, and there is at least one. */
export const jobEditorDefinition = jobDefinition.superRefine((job, ctx) => {
  if (!job.targets || job.targets.servers.length + job.targets.groups.length === 0)
    ctx.addIssue({ code: 'custom', path: ['targets'], message: NO_TARGETS_MESSAGE })
})

/** A save from the editor: the job it opened (none for a new job) and the version it opened, to refuse a stale edit. */
export const jobEditorSave = z.object({
  existingName: z.string().trim().min(1).max(128).nullable(),
  expectedVersion: z.number().int().min(1).nullable(),
  definition: jobEditorDefinition,
})
