// Every poll checks the agent's version (a rule of lib/msx/versions); a fleet reports a handful of distinct
// versions, so each verdict is worked out once and remembered.
import { assertAgentVersionAccepted } from '../../lib/msx/versions'
import { Refusal } from '../http-json'

const MAX_REMEMBERED = 256
const verdicts = new Map<string, string | null>()

/** Refuses a version the master does not accept, with lib/msx's sentence. */
export function checkAgentVersion(agentVersion: string, masterVersion: string) {
  const key = `${agentVersion}\n${masterVersion}`
  let refusal = verdicts.get(key)
  if (refusal === undefined) {
    try {
      assertAgentVersionAccepted(agentVersion, masterVersion)
      refusal = null
    } catch (error) {
      refusal = (error as Error).message
    }
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear()
    verdicts.set(key, refusal)
  }
  if (refusal !== null) throw new Refusal(403, 'version_refused', refusal)
}
