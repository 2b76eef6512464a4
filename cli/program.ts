// msx: the master's command line, for scripting (the stored procedures' side of the product). Every verb calls
// the master's msx API as the signed-in user (msx login), whose role decides what it may do; `msx user` works on
// the master's database directly. Exit codes: 0 done, 1 refused (the message says why), 2 bad usage.
import { Command, CommanderError } from 'commander'
import { ClientConfigError } from '../lib/cli/config-error'
import { exitAfterOutput } from '../lib/cli/exit'
import { isMsxError } from '../lib/msx/errors'
import { addAgentPackageCommands } from './agent-package-commands'
import { UsageError } from './arguments'
import { addDiagnoseCommand } from './diagnose-command'
import { addEnlistmentCommands } from './enlistment-commands'
import { addInstructionCommands } from './instruction-commands'
import { addJobCommands } from './job-commands'
import { addOperatorCommands } from './operator-commands'
import { addSessionCommands } from './session-commands'
import { addTargetActionCommands } from './target-action-commands'
import { addTargetCommands } from './target-commands'
import { addTokenCommands } from './token-commands'
import { addUserCommands } from './user-commands'

const program = new Command('msx')
  .description('msx-admin master server: manage target servers, enlistment and instructions from the shell.')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) })

// in the order msx --help lists them
addTokenCommands(program)
addTargetCommands(program)
addEnlistmentCommands(program)
addAgentPackageCommands(program)
addTargetActionCommands(program)
addDiagnoseCommand(program)
addInstructionCommands(program)
addJobCommands(program)
addOperatorCommands(program)
addSessionCommands(program)
addUserCommands(program)

program.parseAsync(process.argv).then(
  // a command that did part of its work (some targets refused) has set process.exitCode
  () => exitAfterOutput(Number(process.exitCode ?? 0)),
  (error: unknown) => {
    if (error instanceof CommanderError) return exitAfterOutput(error.exitCode === 0 ? 0 : 2)
    if (error instanceof UsageError || error instanceof ClientConfigError) {
      console.error(`msx: ${error.message}`)
      return exitAfterOutput(2)
    }
    if (isMsxError(error)) {
      console.error(`msx: ${error.message}`)
      return exitAfterOutput(error.code === 'invalid' ? 2 : 1)
    }
    console.error(`msx: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return exitAfterOutput(1)
  },
)
