import { LocalDate } from '@/components/format/relative-time'

/** A date as Settings shows it: as every date of the dashboard, in the browser's locale. */
export const when = (date: Date | string) => <LocalDate iso={new Date(date).toISOString()} />
