import type { z } from 'zod'

/** A 400 answer naming each refused query parameter and what it accepts. */
export function invalidQuery(error: z.ZodError) {
  const problems = error.issues.map((issue) => {
    const name = issue.path.join('.') || 'query'
    return `"${name}": ${issue.message}`
  })
  return Response.json(
    { error: `Invalid query parameter${problems.length > 1 ? 's' : ''} ${problems.join('; ')}.` },
    { status: 400 },
  )
}

/** The query string as a plain object: the first value of each parameter; an empty value counts as absent. */
export function queryObject(url: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of new URL(url).searchParams) if (value !== '' && !(key in result)) result[key] = value
  return result
}
