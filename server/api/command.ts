// One command of the msx API. Its permission is part of its type: a command cannot be served without one.
import type { z } from 'zod'
import type { Permission } from '../../lib/auth/permissions'
import type { SignedIn } from '../../lib/auth/sessions'
import type { MsxContext } from '../../lib/msx/context'

export interface Command<S extends z.ZodType = z.ZodType, R = unknown> {
  permission: Permission
  input: S
  /** what the activity log calls an attempt the caller's role may not make */
  audit: { action: string; objectType: string }
  /** the object an attempt was about, for the activity log */
  objectName?(input: z.output<S>): string
  /** a further permission some inputs need: posting DEFECT, a forced defection, everyone's tokens */
  alsoNeeds?(input: z.output<S>): Permission | undefined
  run(ctx: MsxContext, input: z.output<S>, caller: SignedIn): Promise<R>
}

export function command<S extends z.ZodType, R>(definition: Command<S, R>): Command<S, R> {
  return definition
}
