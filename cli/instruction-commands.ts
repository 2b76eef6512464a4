// msx instructions, delete-instruction, clear-error: the download instructions posted to targets, and their errors.
import { type Command, Option } from 'commander'
import { INSTRUCTION_STATUSES } from '../lib/msx/instruction-status'
import { callApi } from './api-client'
import { wholeNumberId } from './arguments'
import { formatTable, print } from './table'

const instructionIdsOf = (values: string[]) => values.map((v) => wholeNumberId(v, 'an instruction id'))

export function addInstructionCommands(program: Command) {
  program
    .command('instructions')
    .description('list download instructions, newest first')
    .option('--target <name>', 'of this target server')
    .addOption(new Option('--status <status>', 'pending, downloaded or error').choices(INSTRUCTION_STATUSES))
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await callApi('instructions.list', {
        target: o.target,
        status: o.status,
        pageSize: Math.min(500, Number(o.limit) || 100),
      })
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Id', (r) => r.id],
          ['Target server', (r) => r.targetName],
          ['Operation', (r) => r.operation],
          ['Object', (r) => r.objectName ?? r.value ?? ''],
          ['Posted', (r) => r.datePosted],
          ['Downloaded', (r) => r.dateDownloaded ?? ''],
          ['Status', (r) => r.status],
          // last, as it can be long: an error stays in one piece at the end of its line
          ['Error', (r) => r.errorMessage ?? ''],
        ]),
      )
    })

  program
    .command('delete-instruction')
    .description('delete download instructions (a deleted error no longer blocks its target)')
    .argument('<ids...>')
    .action(async (values: string[]) => {
      const { deleted } = await callApi('instructions.delete', { ids: instructionIdsOf(values) })
      console.log(`Deleted ${deleted} instruction(s).`)
    })

  program
    .command('clear-error')
    .description('clear the error of download instructions: the target downloads them again and its downloads resume')
    .argument('<ids...>')
    .action(async (values: string[]) => {
      const { cleared } = await callApi('instructions.clear-error', { ids: instructionIdsOf(values) })
      console.log(`Cleared ${cleared} error(s).`)
    })
}
