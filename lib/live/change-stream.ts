// One browser tab's stream of change notices (server-sent events): what the feed hears, a keep-alive comment
// now and then, and an end after a few minutes, when the browser opens it again and its session is checked again.
import 'server-only'
import { type ChangeSubscriber, changeFeed } from './change-feed'

const KEEP_ALIVE_MS = 15_000
const LIFETIME_MS = 5 * 60_000
/** how soon a browser opens the stream again after it ended */
const RETRY_MS = 1000

export async function changeStreamResponse(aborted: AbortSignal): Promise<Response> {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let open = true
  let cleanup = () => {}
  const send = (text: string) => {
    if (!open) return
    try {
      controller.enqueue(encoder.encode(text))
    } catch {
      // the browser went away and nothing said so: this stream ends
      end()
    }
  }
  const end = () => {
    if (!open) return
    open = false
    cleanup()
    try {
      controller.close()
    } catch {
      // already cancelled by the browser's side
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      open = false
      cleanup()
    },
  })
  const subscriber: ChangeSubscriber = {
    changed: (topics) => send(`event: change\ndata: ${JSON.stringify({ topics })}\n\n`),
    close: end,
  }
  const unsubscribe = await changeFeed().subscribe(subscriber)
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS)
  const lifetime = setTimeout(end, LIFETIME_MS)
  cleanup = () => {
    unsubscribe()
    clearInterval(keepAlive)
    clearTimeout(lifetime)
    aborted.removeEventListener('abort', end)
  }
  aborted.addEventListener('abort', end)
  if (aborted.aborted) end()
  send(`retry: ${RETRY_MS}\n\n`)
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // nothing between here and the browser may hold the events back: no-transform keeps Next.js's gzip off
      // (it would buffer them), and x-accel-buffering a proxy's buffer
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
