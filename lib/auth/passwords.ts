// Passwords are stored as argon2id hashes (OWASP's recommended parameters); never in clear, never logged.
import { hash, verify } from '@node-rs/argon2'

const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export { MIN_PASSWORD_LENGTH, newPasswordSchema } from './passwords-policy'

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID)
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // the same work as a real check, so that a missing account cannot be told apart by timing
    await hash(password, ARGON2ID)
    return false
  }
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
