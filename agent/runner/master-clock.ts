// The master's time as this target knows it: the system clock plus the offset adopted at the last SYNC-TIME.
// Schedules fire by it and run times are stamped with it, so a target with a wrong clock still agrees with the
// master. The system clock itself is never set.
import { systemNow } from '../environment'
import type { AgentStore } from '../store'

export type Clock = () => Date

export function masterClock(store: AgentStore, system: Clock = systemNow): Clock {
  return () => new Date(system().getTime() + Number(store.get('clockOffsetMs') ?? 0))
}
