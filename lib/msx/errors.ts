import type { z } from 'zod'

/** Why the model refused a request; the message is written for a DBA and says what to do. */
export type MsxErrorCode =
  | 'not_found'
  | 'refused'
  | 'invalid'
  | 'conflict'
  /** no valid session or API token */
  | 'unauthenticated'
  /** signed in, but the role does not allow it */
  | 'forbidden'
  /** too many attempts: wait before the next one */
  | 'too_many'

export class MsxError extends Error {
  constructor(
    readonly code: MsxErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'MsxError'
  }
}

export const notFound = (message: string) => new MsxError('not_found', message)
export const refused = (message: string) => new MsxError('refused', message)
export const invalid = (message: string) => new MsxError('invalid', message)
export const conflict = (message: string) => new MsxError('conflict', message)
export const unauthenticated = (message: string) => new MsxError('unauthenticated', message)
export const forbidden = (message: string) => new MsxError('forbidden', message)
export const tooMany = (message: string) => new MsxError('too_many', message)

/** The HTTP status an edge (dashboard, API, gateway) answers for a refusal of the model. */
export const HTTP_STATUS: Record<MsxErrorCode, number> = {
  not_found: 404,
  refused: 403,
  invalid: 400,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  too_many: 429,
}

export function isMsxError(error: unknown): error is MsxError {
  return error instanceof Error && error.name === 'MsxError' && 'code' in error
}

/** The input as the schema reads it, or `invalid` with every message the schema gave, joined by `separator`. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown, separator = '; '): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.message).join(separator))
  return parsed.data
}
