import { type FormEvent, startTransition } from 'react'

/**
 * An onSubmit that hands the form's data to an action without React's reset after it: a refused form keeps what
 * was typed, so the user corrects one field instead of typing all again.
 */
export function submitWithoutReset(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    startTransition(() => action(form))
  }
}
