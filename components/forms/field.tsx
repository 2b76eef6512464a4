import { type ComponentProps, useId } from 'react'
import { Input } from '@/components/ui/input'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/passwords-policy'

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: { label: string; name: string; errors?: string[]; hint?: string } & ComponentProps<'input'>) {
  // unique per instance: the same form may be on the page twice (the first-target guide and the enlist dialog)
  const id = useId()
  const errorId = `${id}-errors`
  const hintId = `${id}-hint`
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-destructive">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** A password being chosen, with the policy it must meet. */
export function NewPasswordField(props: { label: string; name: string; errors?: string[] }) {
  return (
    <Field
      type="password"
      autoComplete="new-password"
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      {...props}
    />
  )
}

/** The outcome of a form, read out by screen readers when it changes. */
export function FormMessage({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <p
      aria-live="polite"
      role="status"
      className={state?.ok ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-destructive'}
    >
      {state?.message ?? ''}
    </p>
  )
}
