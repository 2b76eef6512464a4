'use client'

// What a save said, carried to the page it leads to (the job's page), shown there once.
import { useEffect, useState } from 'react'

const KEY = 'msx.flash'

export function keepFlash(message: string) {
  window.sessionStorage.setItem(KEY, message)
}

export function FlashMessage() {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    const kept = window.sessionStorage.getItem(KEY)
    if (kept) {
      window.sessionStorage.removeItem(KEY)
      setMessage(kept)
    }
  }, [])
  return (
    <p role="status" aria-live="polite" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
      {message ?? ''}
    </p>
  )
}
