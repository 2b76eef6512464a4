// SQLite lets one process write at a time. A transaction that read first and then writes gets SQLITE_BUSY at
// once (waiting cannot help: its snapshot is stale) when another process wrote in between, e.g. the msx CLI
// while the gateway records polls and outcomes. Such a transaction is run again from the start.
const ATTEMPTS = 5

export function isSqliteBusy(error: unknown): boolean {
  return error instanceof Error && /SQLITE_BUSY|database is locked/.test(error.message)
}

export async function retryWhileBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= ATTEMPTS || !isSqliteBusy(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt))
    }
  }
}
