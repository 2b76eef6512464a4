'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { newPasswordSchema } from '@/lib/auth/passwords-policy'
import { roleSchema } from '@/lib/auth/roles'
import {
  createUser,
  newUserSchema,
  resetPassword,
  setUserDisabled,
  setUserRole,
  userNameSchema,
} from '@/lib/auth/users'
import { SERVER_RENDERED } from '@/lib/query/keys'

export const createUserAction = authedAction({
  permission: 'users.manage',
  audit: 'user.create',
  stale: [SERVER_RENDERED],
  input: newUserSchema,
  run: async (ctx, input) => {
    const user = await createUser(ctx, input)
    return { data: undefined, message: `Created ${user.name} (${user.role}).` }
  },
})

export const setUserRoleAction = authedAction({
  permission: 'users.manage',
  audit: 'user.role',
  stale: [SERVER_RENDERED],
  input: z.object({ name: userNameSchema, role: roleSchema }),
  run: async (ctx, input) => {
    await setUserRole(ctx, input.name, input.role)
    return { data: undefined, message: `${input.name} is now ${input.role === 'operator' ? 'an' : 'a'} ${input.role}.` }
  },
})

export const setUserDisabledAction = authedAction({
  permission: 'users.manage',
  audit: 'user.disable',
  stale: [SERVER_RENDERED],
  input: z.object({ name: userNameSchema, disabled: z.boolean() }),
  run: async (ctx, input) => {
    await setUserDisabled(ctx, input.name, input.disabled)
    return {
      data: undefined,
      message: input.disabled ? `Disabled ${input.name}: signed out everywhere.` : `Enabled ${input.name}.`,
    }
  },
})

export const resetPasswordAction = authedAction({
  permission: 'users.manage',
  audit: 'user.password-reset',
  stale: [SERVER_RENDERED],
  input: z.object({ name: userNameSchema, password: newPasswordSchema }),
  run: async (ctx, input) => {
    await resetPassword(ctx, input.name, input.password)
    return { data: undefined, message: `Set a new password for ${input.name}: tell them over a safe channel.` }
  },
})
