import { z } from 'zod'

/** The lifetimes offered for a new token, in hours: a day by default, as `msx token create`. */
export const TOKEN_LIFETIMES = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '24 hours' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const

export const enlistmentTokenInput = z.object({
  hours: z.coerce
    .number()
    .refine((h) => TOKEN_LIFETIMES.some((l) => l.hours === h), 'Choose a lifetime from the list: 1 hour to 30 days.'),
  // empty means unlimited uses until it expires
  uses: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: 'Enter a whole number of enlistments, or leave it empty for unlimited.' })
      .int('Enter a whole number of enlistments, or leave it empty for unlimited.')
      .min(1, 'A token allows at least 1 enlistment; leave it empty for unlimited.')
      .max(1_000_000, 'A token allows at most 1,000,000 enlistments.')
      .nullable(),
  ),
})
