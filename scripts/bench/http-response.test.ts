import { describe, expect, it } from 'vitest'
import { completeResponse } from './http-response'

const response = (body: string, status = 200) =>
  `HTTP/1.1 ${status} OK\r\ncontent-type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`

describe('completeResponse', () => {
  it('frames a response by its content-length, whatever the header case', () => {
    const text = response('{"a":1}')
    expect(completeResponse(Buffer.from(text))).toEqual({ status: 200, length: Buffer.byteLength(text) })
    expect(completeResponse(Buffer.from(response('{}', 403)))?.status).toBe(403)
  })

  it('waits for the rest of the headers or the body', () => {
    const text = response('{"serverTime":"x"}')
    expect(completeResponse(Buffer.from(text.slice(0, 20)))).toBeNull()
    expect(completeResponse(Buffer.from(text.slice(0, -3)))).toBeNull()
  })

  it('finds the first of two pipelined responses', () => {
    const first = response('{"n":1}')
    const both = Buffer.from(first + response('{"n":22}'))
    const framed = completeResponse(both)
    expect(framed?.length).toBe(first.length)
    expect(completeResponse(both.subarray(framed?.length))?.length).toBe(both.length - first.length)
  })

  it('refuses a response it cannot frame', () => {
    expect(() => completeResponse(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n'))).toThrow(
      'without content-length',
    )
  })
})
