// Any job file, as msx job apply reads it: the job it defines, or a refusal (invalid) that says what is wrong and
// where; never another exception. Files are made by fast-check: any text, any JSON or YAML document, and jobs
// with the right keys holding any values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { isMsxError } from './errors'
import { parseJobFile } from './job-file'
import { parseJobDefinition } from './jobs'

function read(text: string, fileName: string): { job?: ReturnType<typeof parseJobDefinition>; error?: unknown } {
  try {
    return { job: parseJobDefinition(parseJobFile(text, fileName)) }
  } catch (error) {
    return { error }
  }
}

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 40 }))
const orAnything = <T>(value: fc.Arbitrary<T>) => fc.oneof(value, anyValue)

const step = fc.record(
  {
    name: orAnything(fc.string({ minLength: 1, maxLength: 20 })),
    kind: orAnything(fc.constantFrom('cmdexec', 'sql')),
    command: orAnything(fc.string({ maxLength: 40 })),
    connection: orAnything(fc.string({ maxLength: 10 })),
    onSuccess: orAnything(fc.constantFrom('next', 'quit-success', 'quit-failure', 'goto:1', 'goto:2')),
    retryAttempts: orAnything(fc.integer({ min: -2, max: 20 })),
    timeoutSeconds: orAnything(fc.integer({ min: -1, max: 100_000 })),
  },
  { requiredKeys: ['name', 'kind', 'command'] },
)

const schedule = fc.record(
  {
    name: orAnything(fc.string({ minLength: 1, maxLength: 20 })),
    cron: orAnything(fc.constantFrom('0 2 * * *', '*/5 * * * *', '61 * * * *', 'every day')),
    enabled: orAnything(fc.boolean()),
  },
  { requiredKeys: ['name'] },
)

/** jobs with the keys a job file has, each holding a fitting value or anything at all */
const jobShaped = fc.record(
  {
    name: orAnything(fc.string({ minLength: 1, maxLength: 30 })),
    description: orAnything(fc.string({ maxLength: 30 })),
    enabled: orAnything(fc.boolean()),
    steps: orAnything(fc.array(step, { maxLength: 4 })),
    schedules: orAnything(fc.array(schedule, { maxLength: 3 })),
    targets: orAnything(fc.record({ servers: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }) })),
    notify: orAnything(fc.record({ email: orAnything(fc.constantFrom('never', 'on-failure', 'always')) })),
  },
  { requiredKeys: [] },
)

const files = fc.oneof(
  fc.tuple(fc.string({ maxLength: 300 }), fc.constantFrom('job.yaml', 'job.json')),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.constant('job.json')),
  fc.tuple(
    jobShaped.map((job) => JSON.stringify(job)),
    fc.constant('job.json'),
  ),
  fc.tuple(
    jobShaped.map((job) => YAML.stringify(job)),
    fc.constant('job.yaml'),
  ),
)

describe('a job file, whatever it holds', () => {
  it('is read as a job, or refused as invalid with a sentence; nothing else escapes', () => {
    fc.assert(
      fc.property(files, ([text, fileName]) => {
        const { job, error } = read(text, fileName)
        if (job) {
          expect(job.steps.length).toBeGreaterThan(0)
          return
        }
        expect(isMsxError(error), String(error)).toBe(true)
        expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/\S/) })
      }),
      // found so: an alias to no anchor passed the parser and threw from toJS
      { numRuns: 700, examples: [[['*!', 'job.yaml']], [['a: &x [*x]', 'job.yaml']]] },
    )
  })
})
