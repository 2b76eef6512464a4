// Where a step goes next, in SSMS's words: "Go to the next step", "Quit the job reporting success", "Go to step 3".
export function describeFlow(action: string, steps: { name: string }[]): string {
  if (action === 'next') return 'Go to the next step'
  if (action === 'quit-success') return 'Quit the job reporting success'
  if (action === 'quit-failure') return 'Quit the job reporting failure'
  const n = Number(/^goto:(\d+)$/.exec(action)?.[1])
  const step = steps[n - 1]
  return step ? `Go to step ${n}: ${step.name}` : action
}
