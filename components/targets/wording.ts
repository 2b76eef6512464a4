/** "1 target server", "12,000 target servers" */
export const countOf = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`

export const plural = (n: number) => countOf(n, 'target server')
