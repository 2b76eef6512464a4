// Why the agent gateway refused a request, as the Connection card and msx diagnose name it (client-safe).

export const REFUSAL_REASONS = ['certificate_revoked', 'certificate_unknown', 'version_refused', 'bad_request'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export const REFUSAL_REASON_WORDS: Record<RefusalReason, string> = {
  certificate_revoked: 'certificate revoked',
  certificate_unknown: 'certificate unknown to this master',
  version_refused: 'agent version outside the accepted window',
  bad_request: 'bad request',
}
