'use client'

import { createContext, type ReactNode, useCallback, useContext, useSyncExternalStore } from 'react'
import { type DateStyle, formatDate } from '@/lib/format/dates'
import { FALLBACK_LOCALE, supportedLocale } from '@/lib/format/locale'

// The server writes dates in the locale the request's Accept-Language names, the browser in its own: they are
// the same preference, so the page hydrates without a mismatch, and a browser whose language differs (or changes)
// re-renders its dates right after.
const RequestLocale = createContext(FALLBACK_LOCALE)

export function DateLocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <RequestLocale value={locale}>{children}</RequestLocale>
}

function subscribe(onChange: () => void) {
  window.addEventListener('languagechange', onChange)
  return () => window.removeEventListener('languagechange', onChange)
}

let named: readonly string[] | undefined
let resolved = FALLBACK_LOCALE
function browserLocale() {
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language]
  if (languages !== named) {
    named = languages
    resolved = supportedLocale(languages)
  }
  return resolved
}

/** The locale every date is written in: the browser's. */
export function useDateLocale(): string {
  const requested = useContext(RequestLocale)
  return useSyncExternalStore(subscribe, browserLocale, () => requested)
}

/** formatDate in the browser's locale. */
export function useFormatDate() {
  const locale = useDateLocale()
  return useCallback((style: DateStyle, date: Date | string) => formatDate(locale, style, date), [locale])
}
