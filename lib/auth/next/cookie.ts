// The browser session cookie: HttpOnly, SameSite=Strict, Secure whenever the dashboard is reached over HTTPS.
export const SESSION_COOKIE = 'msx_session'

export function sessionCookieOptions(secure: boolean, expires: Date) {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', expires } as const
}

/** Behind a TLS-terminating proxy the request arrives as http; the proxy says what the browser used. */
export function requestIsSecure(headers: Headers): boolean {
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}
