import type { z } from 'zod'
import { invalid } from '../../lib/msx/errors'

/** "names[0]: name the target server", for the first thing wrong with an input. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const where = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('')
  return `The request is not valid: ${where ? `${where}: ` : ''}${issue.message.replace(/\.$/, '')}.`
}

/** The input as the schema reads it, or a refusal (400) saying which field is wrong and how. */
export function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw invalid(describeIssues(parsed.error))
  return parsed.data
}
