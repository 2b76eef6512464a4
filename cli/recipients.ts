// Who an instruction goes to, from the command line: --target NAME..., --group NAME or --all, one of them.
import { type Command, Option } from 'commander'
import type { Recipients } from '../lib/msx/recipients'
import { UsageError } from './arguments'

export interface RecipientOptions {
  target?: string[]
  group?: string
  all?: boolean
}

/** Declares --target, --group and --all on `command`, each refusing the others. */
export function addRecipientOptions(command: Command): Command {
  return command
    .addOption(new Option('--target <names...>', 'to these target servers').conflicts(['group', 'all']))
    .addOption(new Option('--group <name>', "to a group's members").conflicts(['all']))
    .option('--all', 'to all target servers')
}

/** The recipients the options name; bad usage when they name none. */
export function recipientsFromOptions(o: RecipientOptions): Recipients {
  if (o.all) return { all: true }
  if (o.group) return { group: o.group }
  if (o.target) return { targets: o.target }
  throw new UsageError('Say who receives it: --target NAME..., --group NAME or --all.')
}
