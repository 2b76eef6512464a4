// msx-agent's errors: each one a readable line with the exit code the CLI ends with.
/** A failure the agent reports as one readable line; `exitCode` follows the CLI contract. */
export class AgentError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'AgentError'
  }
}

/** The master could not be reached (network, TLS): worth retrying later. */
export class MasterUnreachable extends AgentError {
  constructor(message: string) {
    super(message, 1)
    this.name = 'MasterUnreachable'
  }
}

/** The master answered with a refusal: its code and its sentence. */
export class MasterRefused extends AgentError {
  constructor(
    readonly status: number,
    /** usually a RefusalCode (lib/protocol/agent-v1), but a newer master may answer with one this agent lacks */
    readonly code: string,
    message: string,
  ) {
    super(message, 1)
    this.name = 'MasterRefused'
  }
}
