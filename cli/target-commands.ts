// msx targets: the target servers the master knows, as sp_help_targetserver lists them.
import type { Command } from 'commander'
import { callApi } from './api-client'
import { formatTable, print } from './table'

export function addTargetCommands(program: Command) {
  program
    .command('targets')
    .description('list target servers (sp_help_targetserver)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await callApi('targets.list', {})
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Target server', (r) => r.name],
          ['Location', (r) => r.location],
          ['Local time', (r) => r.localTime],
          ['Last polled', (r) => r.lastPolled ?? 'never'],
          ['Unread', (r) => r.unreadInstructions],
          ['Status', (r) => r.status],
          ['Poll interval', (r) => `${r.pollIntervalSeconds} s`],
          ['Version', (r) => r.agentVersion],
          ['Clock skew', (r) => (r.clockSkewMs === null ? '' : `${r.clockSkewMs} ms`)],
        ]),
      )
    })
}
