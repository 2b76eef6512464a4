// msx diagnose NAME: why a target server does (not) download, in the words of the target page's Connection card.
import type { Command } from 'commander'
import { format, isSameDay } from 'date-fns'
import { diagnoseTarget } from '../lib/msx/target-diagnosis'
import { callApi } from './api-client'
import { print } from './table'

/** Times in the shell's time zone: 09:12, or 2 Dec 09:12 for another day. */
function shellTime(now: number) {
  return (iso: string) => {
    const date = new Date(iso)
    return format(date, isSameDay(date, now) ? 'HH:mm:ss' : 'd MMM HH:mm')
  }
}

export function addDiagnoseCommand(program: Command) {
  program
    .command('diagnose')
    .description('say why a target server does (not) download: its connection, last refusal, and what waits for it')
    .argument('<name>', 'the target server, enlisted or not any more')
    .option('--json', 'print JSON: the sentence, the evidence and the facts they come from')
    .action(async (name: string, o) => {
      const facts = await callApi('targets.diagnose', { name })
      const now = Date.now()
      const diagnosis = diagnoseTarget(facts, { now, time: shellTime(now) })
      print(o.json, { ...diagnosis, facts }, () => {
        const width = Math.max(...diagnosis.evidence.map((line) => line.label.length))
        return [
          `${facts.name}: ${diagnosis.sentence}.`,
          '',
          ...diagnosis.evidence.map((line) => `  ${line.label.padEnd(width)}  ${line.text}`),
        ].join('\n')
      })
    })
}
