// Every poll checks the agent's version (a rule of lib/msx/versions); a fleet reports a handful of distinct
// versions, so each verdict is worked out once and remembered.
import { assertAgentVersionAccepted } from '../../lib/msx/versions'
import { Refusal } from '../http-json'

const MAX_REMEMBERED = 256
const verdicts = new Map<string, string | null>()

/** A refused agent version, with the version, for what the gateway remembers of its refusals. */
export class VersionRefusal extends Refusal {
  constructor(
    message: string,
    readonly agentVersion: string,
  ) {
    super(403, 'version_refused', message)
  }
}

/** Refuses a version the master does not accept, with lib/msx's sentence. */
export function checkAgentVersion(agentVersion: string, masterVersion: string) {
  const key = `${agentVersion}\n${masterVersion}`
  let refusalMessage = verdicts.get(key)
  if (refusalMessage === undefined) {
    try {
      assertAgentVersionAccepted(agentVersion, masterVersion)
      refusalMessage = null
    } catch (error) {
      refusalMessage = (error as Error).message
    }
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear()
    verdicts.set(key, refusalMessage)
  }
  if (refusalMessage !== null) throw new VersionRefusal(refusalMessage, agentVersion)
}
