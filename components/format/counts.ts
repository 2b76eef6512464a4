// How the dashboard says a count: "1 target server", "12,000 target servers".
export const countOf = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

export const targetServers = (n: number) => countOf(n, 'target server')
