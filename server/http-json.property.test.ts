// Any body at the gateway's edge, for every request of the agent protocol: a typed 400 refusal that says what is
// wrong, or the request read; never a 500 or an exception that escapes. Bodies are made by fast-check: any text,
// any JSON, and objects with the request's own field names holding any JSON value.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  ackRequest,
  enlistRequest,
  enlistStatusRequest,
  helloRequest,
  outcomesRequest,
  pollRequest,
  reenlistRequest,
} from '../lib/protocol/agent-v1'
import { readBody, send, sendError } from './http-json'

const REQUESTS: Record<string, z.ZodObject> = {
  enlist: enlistRequest,
  'enlist/status': enlistStatusRequest,
  poll: pollRequest,
  ack: ackRequest,
  outcomes: outcomesRequest as unknown as z.ZodObject,
  reenlist: reenlistRequest,
  hello: helloRequest,
}

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const schema = REQUESTS[(req.url ?? '').slice(1)]
    if (!schema) return send(res, 404, {})
    readBody(req, schema).then(
      () => send(res, 200, { read: true }),
      (error: unknown) => sendError(res, error),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** text, any JSON, or the request's own fields with any values (the shapes that reach deepest into a schema) */
function bodies(schema: z.ZodObject) {
  const fields = Object.keys(schema.shape)
  const shaped = fc
    .dictionary(fc.constantFrom(...(fields.length ? fields : ['x'])), fc.jsonValue(), { maxKeys: fields.length + 1 })
    .map((value) => JSON.stringify(value))
  return fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }), shaped)
}

async function post(route: string, body: string) {
  const res = await fetch(`${base}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  return { status: res.status, json: (await res.json()) as { read?: true; error?: { code: string; message: string } } }
}

describe('the gateway edge, given any body', () => {
  for (const [route, schema] of Object.entries(REQUESTS))
    it(`/${route}: reads it or refuses it with 400 and what is wrong`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(schema), async (body) => {
          const { status, json } = await post(route, body)
          if (status === 200) {
            expect(json).toEqual({ read: true })
            return
          }
          expect(status).toBe(400)
          expect(['invalid_json', 'invalid_body']).toContain(json.error?.code)
          expect(json.error?.message).toMatch(/^The (body is not valid JSON|request body is not valid: .+)\.$/s)
        }),
        { numRuns: 120 },
      )
    })
})
