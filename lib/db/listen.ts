// PostgreSQL LISTEN on a connection of its own, reconnecting after a loss: how a master process hears at once what
// another one (or the msx CLI's master) wrote.
import 'server-only'
import type { Log } from '../log'

const RECONNECT_MS = 2000

export interface Listening {
  end(): Promise<void>
}

/** Calls `onNotify` for every NOTIFY on `channel`, and once after each reconnection (what was missed meanwhile). */
export async function listenTo(
  databaseUrl: string,
  channel: string,
  onNotify: () => void,
  log: Log,
): Promise<Listening> {
  const { default: pg } = await import('pg')
  let ended = false
  let client: InstanceType<typeof pg.Client> | null = null
  const connect = async (again: boolean) => {
    const next = new pg.Client({ connectionString: databaseUrl })
    next.on('notification', onNotify)
    next.on('error', (error) => {
      if (ended) return
      log.warn({ err: error }, `lost the PostgreSQL connection that listens for ${channel}; reconnecting`)
      setTimeout(() => void connect(true).catch(() => {}), RECONNECT_MS).unref()
    })
    await next.connect()
    await next.query(`LISTEN ${channel}`)
    client = next
    if (again) onNotify()
  }
  await connect(false)
  return {
    async end() {
      ended = true
      await client?.end().catch(() => {})
    },
  }
}
