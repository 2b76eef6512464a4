/** Why the model refused a request; the message is written for a DBA and says what to do. */
export type MsxErrorCode = 'not_found' | 'refused' | 'invalid' | 'conflict'

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

export function isMsxError(error: unknown): error is MsxError {
  return error instanceof Error && error.name === 'MsxError' && 'code' in error
}
