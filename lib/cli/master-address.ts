// A master's address as msx uses it and keys its credentials by: scheme, host and port (and a path, if the
// dashboard is served under one), lower-cased by URL rules, without a default port or a trailing slash.
import { z } from 'zod'

export const DEFAULT_MASTER_URL = 'http://127.0.0.1:3000'

export const masterUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address such as http://127.0.0.1:3000' })
  .transform((text) => {
    const url = new URL(text)
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  })
