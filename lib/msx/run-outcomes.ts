// sysjobservers' last_run_outcome and sysjobhistory's run_status, as numbers and as the words SSMS shows.
export const RUN_OUTCOMES = ['Failed', 'Succeeded', 'Retry', 'Canceled', 'In progress', 'Unknown'] as const
export type RunOutcomeLabel = (typeof RUN_OUTCOMES)[number]

export function runOutcomeLabel(outcome: number): RunOutcomeLabel {
  return RUN_OUTCOMES[outcome] ?? 'Unknown'
}
