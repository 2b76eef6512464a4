// msx enlist-requests, approve, reject: the targets that asked to enlist, and the administrator's answer.
import type { Command } from 'commander'
import { callApi } from './api-client'
import { formatTable, print } from './table'

export function addEnlistmentCommands(program: Command) {
  program
    .command('enlist-requests')
    .description('list targets waiting for approval to enlist')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await callApi('enlistment.requests', {})
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Target server', (r) => r.name],
          ['Location', (r) => r.location],
          ['Agent version', (r) => r.agentVersion],
          ['Key fingerprint', (r) => r.keyFingerprint],
          ['From', (r) => r.sourceAddress],
          ['Asked', (r) => r.requestedAt],
        ]),
      )
    })

  program
    .command('approve')
    .description('enlist targets waiting for approval')
    .argument('<names...>')
    .action(async (names: string[]) => {
      const approved = await callApi('enlistment.approve', { names })
      console.log(`Enlisted ${approved.names.join(', ')}: pending until each agent collects its certificate.`)
    })

  program
    .command('reject')
    .description('reject targets waiting for approval')
    .argument('<names...>')
    .option('--reason <text>', 'told to the agent', '')
    .action(async (names: string[], o) => {
      const rejected = await callApi('enlistment.reject', { names, reason: o.reason })
      console.log(`Rejected ${rejected.names.join(', ')}.`)
    })
}
