// msx-agent: the target agent's command line. Exit codes: 0 done, 1 refused or failed, 2 bad usage,
// 3 the master no longer accepts this agent (revoked, unknown, version).
import os from 'node:os'
import { Command, CommanderError, Option } from 'commander'
import pino from 'pino'
import { createLogger } from '../server/log'
import { defect } from './defect'
import { enlist } from './enlist'
import { AGENT_VERSION, defaultDataDir } from './environment'
import { AgentError } from './errors'
import { runAgent } from './run'
import { formatStatus, readStatus } from './status'
import { ENCRYPT_MODES, type EncryptMode } from './trust'

const program = new Command('msx-agent')
  .description('Target server agent: enlists into one msx-admin master, polls it, and carries out its instructions.')
  .version(AGENT_VERSION)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) })

const dataDirOption = () => new Option('--data-dir <dir>', 'where this agent keeps its state').default(defaultDataDir())

function interruptible() {
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())
  return controller.signal
}

program
  .command('enlist')
  .description('enlist this target into a master (with a token at once; without one, after approval on the master)')
  .requiredOption('--master <url>', 'the master agent gateway, e.g. https://msx1.example.com:3443')
  .option('--name <name>', 'this target server name', os.hostname().split('.')[0])
  .option('--location <text>', 'where this target is', '')
  .option(
    '--token <token>',
    'an enlistment token from `msx token create` (without one, the request waits for approval)',
  )
  .option('--ca-fingerprint <sha256>', "the master CA's SHA-256 fingerprint (from `msx ca-fingerprint`)")
  .option('--ca-file <file>', 'the master CA certificate, instead of its fingerprint')
  .addOption(
    new Option('--encrypt <mode>', 'strict: validate the master; no-verify: encrypt only')
      .choices(ENCRYPT_MODES)
      .default('strict'),
  )
  .addOption(dataDirOption())
  .action(async (o) => {
    await enlist({
      master: o.master,
      name: o.name,
      location: o.location,
      token: o.token,
      caFingerprint: o.caFingerprint,
      caFile: o.caFile,
      encrypt: o.encrypt as EncryptMode,
      dataDir: o.dataDir,
      say: (line) => console.log(line),
      signal: interruptible(),
    })
  })

program
  .command('run')
  .description('poll the master and carry out its instructions, in the foreground (stop with Ctrl-C)')
  .option('--json', 'log JSON lines instead of readable lines')
  .addOption(dataDirOption())
  .action(async (o) => {
    const log = o.json ? pino({ level: 'info', base: undefined }) : createLogger('info')
    await runAgent(o.dataDir, log, interruptible())
  })

program
  .command('status')
  .description('show the enlistment, polling, clock and jobs of this agent')
  .option('--json', 'print JSON')
  .addOption(dataDirOption())
  .action((o) => {
    const status = readStatus(o.dataDir)
    console.log(o.json ? JSON.stringify(status, null, 2) : formatStatus(status))
  })

program
  .command('defect')
  .description('leave the master (with --force: without telling it, when it cannot be reached)')
  .option('--force', 'forget the enlistment locally only')
  .addOption(dataDirOption())
  .action(async (o) => {
    console.log(await defect(o.dataDir, Boolean(o.force)))
  })

program.parseAsync(process.argv).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2)
    if (error instanceof AgentError) {
      console.error(`msx-agent: ${error.message}`)
      process.exit(error.exitCode)
    }
    console.error(`msx-agent: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  },
)
