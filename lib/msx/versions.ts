// The master's version, and the agent versions it accepts relative to it.
import { refused } from './errors'

/** The version of this master; agents are accepted relative to it. */
export const MASTER_VERSION = '0.1.0'

// The master is the newest version: it accepts agents of its own minor release and of the two before it.
const ACCEPTED_MINOR_RELEASES_BEHIND = 2

interface Version {
  major: number
  minor: number
  patch: number
}

export function parseVersion(text: string): Version | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim())
  if (!match) return null
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) }
}

function compare(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/** The agent versions a master accepts, as a sentence for error messages. */
export function acceptedVersions(masterVersion: string): string {
  const master = parseVersion(masterVersion)
  if (!master) return masterVersion
  const oldestMinor = Math.max(0, master.minor - ACCEPTED_MINOR_RELEASES_BEHIND)
  return `${master.major}.${oldestMinor}.0 to ${masterVersion}`
}

export type VersionVerdict = { accepted: true } | { accepted: false; message: string }

/**
 * Whether the master accepts an agent version, and if not the sentence that says why and which versions it
 * does. With the target's name, the sentence names it (an administrator deciding on several requests).
 * Throws only when the master's own version is not a version number: that is a bug, not a verdict.
 */
export function versionVerdict(agentVersion: string, masterVersion: string, targetName?: string): VersionVerdict {
  const agent = parseVersion(agentVersion)
  const master = parseVersion(masterVersion)
  if (!master) throw new Error(`the master's own version "${masterVersion}" is not a version number`)
  const accepted = `this master (version ${masterVersion}) accepts agents ${acceptedVersions(masterVersion)}`
  const runs = (version: string) =>
    targetName ? `${targetName} runs agent version ${version}, which is` : `Agent version ${version} is`
  if (!agent) return { accepted: false, message: `${runs(`"${agentVersion}"`)} not a version number: ${accepted}.` }
  if (compare(agent, master) > 0)
    return {
      accepted: false,
      message: `${runs(agentVersion)} newer than the master: ${accepted}. Upgrade the master first.`,
    }
  if (agent.major !== master.major || master.minor - agent.minor > ACCEPTED_MINOR_RELEASES_BEHIND)
    return { accepted: false, message: `${runs(agentVersion)} too old: ${accepted}. Upgrade the agent.` }
  return { accepted: true }
}

/** Refuses an agent version the master does not accept, with versionVerdict's sentence. */
export function assertAgentVersionAccepted(agentVersion: string, masterVersion: string, targetName?: string): void {
  const verdict = versionVerdict(agentVersion, masterVersion, targetName)
  if (!verdict.accepted) throw refused(verdict.message)
}
