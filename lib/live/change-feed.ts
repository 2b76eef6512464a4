// The change notices of this process's open change streams: one watch of the database for all of them, started
// with the first stream (idle while none is open). Notices that arrive together go out as one event, and at most a
// few times a second, however many targets poll. Next.js's route handlers and the master's own modules are loaded
// separately, so the feed lives on globalThis (the master ends its streams at shutdown).
import 'server-only'
import { config } from '../config'
import { db, providerOf } from '../db/client'
import { type Listening, listenTo } from '../db/listen'
import { createLogger } from '../log'
import { CHANGE_CHANNEL, changesSince, latestChangeId } from '../msx/changes'
import type { ChangeTopic } from '../query/change-topics'

/** SQLite: how often the feed looks for new notices; PostgreSQL's NOTIFY wakes it, and this is its fallback */
const WATCH_MS = { sqlite: 250, postgresql: 2000 } as const
/** the shortest gap between two events of a stream */
const MIN_GAP_MS = 250

export interface ChangeSubscriber {
  changed(topics: ChangeTopic[]): void
  /** the master is stopping: end the stream */
  close(): void
}

class ChangeFeed {
  private readonly subscribers = new Set<ChangeSubscriber>()
  private lastId = 0
  private starting: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private listening: Listening | null = null
  private checking = false
  private again = false
  private lastCheckAt = 0
  private soon: NodeJS.Timeout | null = null

  async subscribe(subscriber: ChangeSubscriber): Promise<() => void> {
    const idle = this.subscribers.size === 0
    this.subscribers.add(subscriber)
    try {
      if (!this.starting) this.starting = this.start().catch((error) => this.failedStart(error))
      // what was noted while no stream was open concerns no page open now
      else if (idle) this.lastId = await latestChangeId(await db())
      await this.starting
    } catch (error) {
      this.subscribers.delete(subscriber)
      throw error
    }
    return () => {
      this.subscribers.delete(subscriber)
    }
  }

  private failedStart(error: unknown): never {
    this.starting = null
    throw error
  }

  /** Ends every stream (the master is stopping). */
  async closeAll() {
    for (const subscriber of [...this.subscribers]) subscriber.close()
    this.subscribers.clear()
    await this.stop()
  }

  private async start() {
    const client = await db()
    this.lastId = await latestChangeId(client)
    const provider = providerOf(client)
    if (provider === 'postgresql')
      this.listening = await listenTo(config().databaseUrl, CHANGE_CHANNEL, () => this.schedule(), log())
    this.timer = setInterval(() => this.schedule(), WATCH_MS[provider])
    this.timer.unref()
  }

  private async stop() {
    await this.starting?.catch(() => {})
    this.starting = null
    if (this.timer) clearInterval(this.timer)
    if (this.soon) clearTimeout(this.soon)
    this.timer = this.soon = null
    await this.listening?.end()
    this.listening = null
  }

  /** Looks for new notices now, or as soon as the gap since the last look allows. */
  private schedule() {
    if (this.soon) return
    const wait = Math.max(0, this.lastCheckAt + MIN_GAP_MS - Date.now())
    this.soon = setTimeout(() => {
      this.soon = null
      void this.check()
    }, wait)
  }

  /** A stream whose browser went away without saying so fails here: it leaves, and the others are still told. */
  private tell(subscriber: ChangeSubscriber, topics: ChangeTopic[]) {
    try {
      subscriber.changed(topics)
    } catch {
      this.subscribers.delete(subscriber)
    }
  }

  private async check() {
    if (this.subscribers.size === 0) return
    if (this.checking) {
      this.again = true
      return
    }
    this.checking = true
    this.lastCheckAt = Date.now()
    try {
      const { lastId, topics } = await changesSince(await db(), this.lastId)
      this.lastId = lastId
      if (topics.length > 0) for (const subscriber of this.subscribers) this.tell(subscriber, topics)
    } catch (error) {
      log().warn({ err: error }, 'could not read the change notices for the dashboard')
    } finally {
      this.checking = false
      if (this.again) {
        this.again = false
        this.schedule()
      }
    }
  }
}

let logger: ReturnType<typeof createLogger> | undefined
const log = () => {
  logger ??= createLogger(config().logLevel)
  return logger
}

const shared = globalThis as typeof globalThis & { __msxChangeFeed?: ChangeFeed }

export function changeFeed(): ChangeFeed {
  shared.__msxChangeFeed ??= new ChangeFeed()
  return shared.__msxChangeFeed
}
