'use client'

import type { Ability } from '@/components/auth/ability'
import { INSTRUCTION_TYPES, POSTABLE_OPERATIONS, type PostableOperation } from './instruction-types'

/** The instruction types as radio buttons, each with its line of description; one the role may not post says why. */
export function InstructionTypeField({
  value,
  onChange,
  abilities,
}: {
  value: PostableOperation
  onChange: (operation: PostableOperation) => void
  abilities: Record<PostableOperation, Ability>
}) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">Instruction type</legend>
      {POSTABLE_OPERATIONS.map((operation) => {
        const { label, description } = INSTRUCTION_TYPES[operation]
        const ability = abilities[operation]
        const id = `instruction-${operation}`
        return (
          <label
            key={operation}
            htmlFor={id}
            className="flex gap-3 rounded-md border px-3 py-2 has-checked:border-primary has-checked:bg-primary/5 has-disabled:opacity-60"
          >
            <input
              id={id}
              type="radio"
              name="operation"
              value={operation}
              checked={value === operation}
              disabled={!ability.allowed}
              onChange={() => onChange(operation)}
              aria-describedby={`${id}-description`}
              className="mt-0.5 size-4 accent-primary"
            />
            <span className="grid gap-0.5">
              <span className="text-sm font-medium">{label}</span>
              <span id={`${id}-description`} className="text-xs text-muted-foreground">
                {ability.allowed ? description : ability.reason}
              </span>
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}
