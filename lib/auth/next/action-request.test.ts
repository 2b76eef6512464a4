import { describe, expect, it } from 'vitest'
import { actionRequestRefusal, MAX_ACTION_BODY_BYTES } from './action-request'

const URL = 'http://127.0.0.1:3000/targets'
const ORIGIN = 'http://127.0.0.1:3000'

function action(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(URL, {
    method: 'POST',
    headers: {
      host: '127.0.0.1:3000',
      origin: ORIGIN,
      'next-action': '7f00',
      'content-type': 'text/plain',
      ...headers,
    },
    body,
  })
}

async function refusal(request: Request) {
  const response = await actionRequestRefusal(request)
  return response && { status: response.status, message: await response.text() }
}

describe('server action requests Next.js would fail on are refused first', () => {
  it('lets through what the dashboard sends: JSON arguments, a form, other requests', async () => {
    expect(await refusal(action('[{"names":["TSX1"]}]'))).toBeNull()
    expect(await refusal(action('["$undefined",{"note":"$$5 off","at":"$D2026-01-01T00:00:00.000Z"}]'))).toBeNull()
    const form = new FormData()
    form.set('0', '[null,"$K1"]')
    form.set('1_name', 'alice')
    form.set('1_password', 'secret')
    expect(
      await refusal(new Request(URL, { method: 'POST', headers: { 'next-action': '7f00' }, body: form })),
    ).toBeNull()
    expect(await refusal(new Request(URL))).toBeNull()
    expect(
      await refusal(new Request(URL, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })),
    ).toBeNull()
  })

  it('refuses a cross-site one with 403', async () => {
    expect(await refusal(action('[]', { origin: 'https://evil.example' }))).toMatchObject({ status: 403 })
    expect(await refusal(action('[]', { origin: 'null' }))).toMatchObject({ status: 403 })
    expect(await refusal(action('[]', { 'sec-fetch-site': 'cross-site' }))).toMatchObject({ status: 403 })
  })

  it('refuses a body over the limit with 413', async () => {
    expect(await refusal(action(`["${'x'.repeat(MAX_ACTION_BODY_BYTES)}"]`))).toMatchObject({ status: 413 })
  })

  it.each([
    ['{{{', 'not valid JSON'],
    ['null', 'not a list'],
    ['{"names":[]}', 'not a list'],
    ['["$1"]', 'a part the body does not have'],
    ['["$Q1"]', 'a part the body does not have'],
    ['["$nxyz"]', 'a value this dashboard does not send'],
    ['[{"then":"$1:__proto__:then"}]', 'a forbidden reference'],
    ['["$Zoops"]', 'a value this dashboard does not send'],
    [`${'['.repeat(1000)}${']'.repeat(1000)}`, 'nest deeper'],
  ])('refuses %s with 400, saying why', async (body, reason) => {
    const answer = await refusal(action(body))
    expect(answer?.status).toBe(400)
    expect(answer?.message).toContain(reason)
  })

  it('refuses malformed form data with 400', async () => {
    const multipart = (text: string) => action(text, { 'content-type': 'multipart/form-data; boundary=b' })
    expect(await refusal(multipart('garbage'))).toMatchObject({ status: 400 })
    const part = (name: string, value: string) =>
      `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    expect(await refusal(multipart(`${part('1', '[]')}--b--\r\n`))).toMatchObject({ status: 400 })
    expect(await refusal(multipart(`${part('0', '["$2"]')}--b--\r\n`))).toMatchObject({ status: 400 })
    expect(await refusal(multipart(`${part('0', '[{')}--b--\r\n`))).toMatchObject({ status: 400 })
  })
})
