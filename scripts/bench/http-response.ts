// The load generator reads HTTP/1.1 responses straight off the socket: it needs only where one ends and its
// status, and both servers it measures always send content-length.

const HEAD_END = Buffer.from('\r\n\r\n')
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i

/** The status and byte length of the response at the start of `data`; null while it is still incomplete. */
export function completeResponse(data: Buffer): { status: number; length: number } | null {
  const end = data.indexOf(HEAD_END)
  if (end < 0) return null
  const head = data.toString('latin1', 0, end)
  const match = CONTENT_LENGTH.exec(head)
  if (!match) throw new Error(`a response without content-length: ${head.slice(0, 200)}`)
  const length = end + HEAD_END.length + Number(match[1])
  return data.length >= length ? { status: Number(head.slice(9, 12)), length } : null
}
