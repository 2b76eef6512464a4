// The locale a request names: Accept-Language read as browsers send it.
import { describe, expect, it } from 'vitest'
import { acceptedLanguages, FALLBACK_LOCALE, requestLocale } from './locale'

describe('acceptedLanguages', () => {
  it('orders by weight, then by position, and leaves out the refused and the wildcard', () => {
    expect(acceptedLanguages('en;q=0.5, de-DE, fr;q=0.9, es;q=0, *;q=0.1, nl;q=0.9')).toEqual([
      'de-DE',
      'fr',
      'nl',
      'en',
    ])
  })
  it('is empty without a header', () => {
    expect(acceptedLanguages(null)).toEqual([])
    expect(acceptedLanguages('')).toEqual([])
  })
})

describe('requestLocale', () => {
  it('is the first locale dates can be written in', () => {
    expect(requestLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE')
    expect(requestLocale('en-us')).toBe('en-US')
    expect(requestLocale('not a tag!, fr-FR')).toBe('fr-FR')
  })
  it('falls back to the dashboard\'s own "1 Dec 2026" when none is named', () => {
    expect(requestLocale(undefined)).toBe(FALLBACK_LOCALE)
  })
})
