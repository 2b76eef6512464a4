import { format } from 'date-fns'

/** A date as Settings shows it. */
export const when = (date: Date | string) => format(new Date(date), 'yyyy-MM-dd HH:mm')
