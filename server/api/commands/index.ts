// Every command of the msx API, by the name it is served under (POST /api/v1/NAME).
import type { Command } from '../command'
import { agentPackageCommands } from './agent-package'
import { enlistmentCommands } from './enlistment'
import { instructionCommands } from './instructions'
import { jobCommands } from './jobs'
import { masterCommands } from './master'
import { operatorCommands } from './operator'
import { targetCommands } from './targets'
import { tokenCommands } from './tokens'

export const commands = {
  ...targetCommands,
  ...enlistmentCommands,
  ...agentPackageCommands,
  ...instructionCommands,
  ...jobCommands,
  ...tokenCommands,
  ...masterCommands,
  ...operatorCommands,
} satisfies Record<string, Command>

export type Commands = typeof commands
export type CommandName = keyof Commands
