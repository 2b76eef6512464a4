// The password rule, without the hashing: forms in the browser show it too.
import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 12

export const newPasswordSchema = z
  .string({ error: 'a password is required' })
  .min(MIN_PASSWORD_LENGTH, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'the password must have at most 256 characters')
