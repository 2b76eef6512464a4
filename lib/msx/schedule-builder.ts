// The schedule builder's common cases, each written as a cron expression and read back from one, so that a
// schedule saved from the builder opens in the builder again. Anything else is an expression typed in.
import { z } from 'zod'

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

export const scheduleRecurrence = z.discriminatedUnion('every', [
  z.object({ every: z.literal('minutes'), minutes: z.number().int().min(1).max(59) }),
  z.object({ every: z.literal('day'), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
  z.object({
    every: z.literal('week'),
    days: z.array(z.number().int().min(0).max(6)).min(1, 'Choose at least one day.'),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
  }),
  z.object({
    every: z.literal('month'),
    day: z.number().int().min(1).max(31),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
  }),
])
export type ScheduleRecurrence = z.infer<typeof scheduleRecurrence>

/** The cron expression of a builder choice: "*\/15 * * * *", "30 2 * * 1-5", "0 3 1 * *". */
export function cronOf(r: ScheduleRecurrence): string {
  switch (r.every) {
    case 'minutes':
      return `*/${r.minutes} * * * *`
    case 'day':
      return `${r.minute} ${r.hour} * * *`
    case 'week':
      return `${r.minute} ${r.hour} * * ${daysField([...new Set(r.days)].sort((a, b) => a - b))}`
    case 'month':
      return `${r.minute} ${r.hour} ${r.day} * *`
  }
}

// consecutive days as ranges, the way people write them: 1-5, or 0,6
function daysField(days: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < days.length; ) {
    let j = i
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++
    parts.push(j - i >= 2 ? `${days[i]}-${days[j]}` : days.slice(i, j + 1).join(','))
    i = j + 1
  }
  return parts.join(',')
}

const NUMBER = /^\d+$/

function readDays(field: string): number[] | null {
  const days = new Set<number>()
  for (const part of field.split(',')) {
    const range = /^(\d)-(\d)$/.exec(part)
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])]
      if (from > to || to > 6) return null
      for (let d = from; d <= to; d++) days.add(d)
    } else if (/^\d$/.test(part) && Number(part) <= 6) days.add(Number(part))
    else return null
  }
  return [...days].sort((a, b) => a - b)
}

/** The builder choice a cron expression was written from, or null when it is not one of the common cases. */
export function recurrenceOf(cron: string): ScheduleRecurrence | null {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 5) return null
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string]
  const every = /^\*\/(\d+)$/.exec(minute)
  const result = ((): ScheduleRecurrence | null => {
    if (every && hour === '*' && dom === '*' && month === '*' && dow === '*')
      return { every: 'minutes', minutes: Number(every[1]) }
    if (!NUMBER.test(minute) || !NUMBER.test(hour) || month !== '*') return null
    const time = { hour: Number(hour), minute: Number(minute) }
    if (dom === '*' && dow === '*') return { every: 'day', ...time }
    if (dom === '*') {
      const days = readDays(dow)
      return days ? { every: 'week', days, ...time } : null
    }
    if (NUMBER.test(dom) && dow === '*') return { every: 'month', day: Number(dom), ...time }
    return null
  })()
  return result && scheduleRecurrence.safeParse(result).success ? result : null
}
