// The locale dates are written in: the browser's, as its Accept-Language names it to the server.

/** Where the browser names no locale this runtime can write dates in: the dashboard's "1 Dec 2026". */
export const FALLBACK_LOCALE = 'en-GB'

/** The first of the candidates this runtime can format dates in, canonical ("de-de" → "de-DE"). */
export function supportedLocale(candidates: readonly string[]): string {
  for (const candidate of candidates) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(candidate)
      if (supported) return supported
    } catch {
      // not a language tag: the next one may be
    }
  }
  return FALLBACK_LOCALE
}

/** "de-DE,de;q=0.9,en;q=0.8" → ["de-DE", "de", "en"]: most preferred first, refused ones (q=0) left out. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((piece) => piece.trim())
      const q = params.find((param) => param.startsWith('q='))
      return { tag, weight: q === undefined ? 1 : Number(q.slice(2)), index }
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag)
}

/** The locale of a request, from its Accept-Language header. */
export const requestLocale = (acceptLanguage: string | null | undefined) =>
  supportedLocale(acceptedLanguages(acceptLanguage))
