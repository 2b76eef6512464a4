// msx-agent: the target agent's command line. Exit codes: 0 done, 1 refused or failed, 2 bad usage,
// 3 the master no longer accepts this agent (revoked, unknown, version).
import os from 'node:os'
import { Argument, Command, CommanderError, Option } from 'commander'
import pino from 'pino'
import { exitAfterOutput } from '../lib/cli/exit'
import { createLogger } from '../lib/log'
import { shellWord } from '../lib/shell-word'
import { addConnection, listConnections, removeConnection } from './connections'
import { defect } from './defect'
import { allPassed, formatChecks, runDoctor } from './doctor'
import { enlist } from './enlist'
import { AGENT_VERSION, defaultDataDir } from './environment'
import { AgentError, MasterUnreachable } from './errors'
import { enlistFromPackage } from './first-start'
import { packaged } from './package-config'
import { addProxy, allowsProxyMatching, listProxies, removeProxy, setProxyMatching } from './proxies'
import { runAgent } from './run'
import { formatStatus, readStatus } from './status'
import { AgentStore } from './store'
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
  .addHelpText(
    'after',
    '\nWhen it cannot reach or trust the master, `msx-agent doctor --master URL --ca-fingerprint F` says which step fails and what to do.',
  )
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
    }).catch((error: unknown) => {
      if (!(error instanceof MasterUnreachable)) throw error
      const trust = o.caFile ? `--ca-file ${shellWord(o.caFile)}` : `--ca-fingerprint ${o.caFingerprint ?? 'F'}`
      throw new MasterUnreachable(
        `${error.message} Run \`msx-agent doctor --master ${shellWord(o.master)} ${trust}\` to see which step fails and what to do.`,
      )
    })
  })

program
  .command('run')
  .description('poll the master and carry out its instructions, in the foreground (stop with Ctrl-C)')
  .option('--json', 'log JSON lines instead of readable lines')
  .option(
    '--name <name>',
    "from a package, on first start: the name to enlist under (default: the package's, else the host name)",
  )
  .addOption(dataDirOption())
  .action(async (o) => {
    const log = o.json ? pino({ level: 'info', base: undefined }) : createLogger('info')
    const signal = interruptible()
    const fromPackage = packaged()
    if (fromPackage)
      await enlistFromPackage(fromPackage, { dataDir: o.dataDir, name: o.name, say: (line) => log.info(line), signal })
    await runAgent(o.dataDir, log, signal)
  })

program
  .command('status')
  .description('show the enlistment, polling, clock and jobs of this agent (to check the master: msx-agent doctor)')
  .option('--json', 'print JSON')
  .addOption(dataDirOption())
  .action((o) => {
    const status = readStatus(o.dataDir)
    console.log(o.json ? JSON.stringify(status, null, 2) : formatStatus(status))
  })

program
  .command('doctor')
  .description(
    'check, step by step, why this target cannot enlist or download: name, TCP, TLS, CA, version, clock, certificate (changes nothing)',
  )
  .option('--master <url>', 'a master to check before enlisting, e.g. https://msx1.example.com:3443')
  .option('--ca-fingerprint <sha256>', "with --master: the master CA's SHA-256 fingerprint")
  .option('--ca-file <file>', 'with --master: the master CA certificate, instead of its fingerprint')
  .option('--name <name>', 'with --master: the name this target would enlist as')
  .option('--json', 'print JSON')
  .addOption(dataDirOption())
  .addHelpText(
    'after',
    '\nWithout --master it checks the master this agent is enlisted into. Exit code 0 when every check passes, 1 otherwise.',
  )
  .action(async (o) => {
    const checks = await runDoctor({
      master: o.master,
      caFingerprint: o.caFingerprint,
      caFile: o.caFile,
      name: o.name,
      dataDir: o.dataDir,
    })
    console.log(o.json ? JSON.stringify({ ok: allPassed(checks), checks }, null, 2) : formatChecks(checks))
    if (!allPassed(checks)) process.exitCode = 1
  })

function withStore<T>(dataDir: string, work: (store: AgentStore) => T): T {
  const store = new AgentStore(dataDir)
  try {
    return work(store)
  } finally {
    store.close()
  }
}

const connection = program
  .command('connection')
  .description('database connections that SQL steps name (SQLite file:/path.db, postgresql://...)')
connection
  .command('add')
  .description('add or replace a connection')
  .argument('<name>', 'the name job steps use')
  .argument('<url>', 'file:/absolute/path.db or postgresql://user:password@host:port/database')
  .addOption(dataDirOption())
  .action((name: string, url: string, o) => {
    const added = withStore(o.dataDir, (store) => addConnection(store, name, url))
    console.log(`Connection ${added.name}: ${added.url}`)
  })
connection
  .command('remove')
  .argument('<name>')
  .addOption(dataDirOption())
  .action((name: string, o) => {
    withStore(o.dataDir, (store) => removeConnection(store, name))
    console.log(`Removed connection ${name}.`)
  })
connection
  .command('list')
  .description('list connections (passwords are not shown)')
  .option('--json', 'print JSON')
  .addOption(dataDirOption())
  .action((o) => {
    const rows = withStore(o.dataDir, listConnections)
    if (o.json) console.log(JSON.stringify(rows, null, 2))
    else console.log(rows.length === 0 ? 'No connections.' : rows.map((r) => `${r.name}\t${r.url}`).join('\n'))
  })

const proxy = program.command('proxy').description('local proxies: OS accounts that job steps naming a proxy run as')
proxy
  .command('add')
  .description('add or replace a proxy')
  .argument('<name>', 'the proxy name job steps use')
  .requiredOption('--account <osuser>', 'the OS account its steps run as')
  .addOption(dataDirOption())
  .action((name: string, o) => {
    const added = withStore(o.dataDir, (store) => addProxy(store, name, o.account))
    console.log(`Proxy ${added.name} runs steps as ${added.account}.`)
  })
proxy
  .command('remove')
  .argument('<name>')
  .addOption(dataDirOption())
  .action((name: string, o) => {
    withStore(o.dataDir, (store) => removeProxy(store, name))
    console.log(`Removed proxy ${name}.`)
  })
proxy
  .command('list')
  .option('--json', 'print JSON')
  .addOption(dataDirOption())
  .action((o) => {
    const { rows, matching } = withStore(o.dataDir, (store) => ({
      rows: listProxies(store),
      matching: allowsProxyMatching(store),
    }))
    if (o.json) return console.log(JSON.stringify({ allowProxyMatching: matching, proxies: rows }, null, 2))
    console.log(rows.length === 0 ? 'No proxies.' : rows.map((r) => `${r.name}\t${r.account}`).join('\n'))
    console.log(`Proxy matching is ${matching ? 'on' : 'off'}.`)
  })

program
  .command('allow-proxy-matching')
  .description('let downloaded job steps run under the local proxy of the same name (off by default)')
  .addArgument(new Argument('<on|off>').choices(['on', 'off']))
  .addOption(dataDirOption())
  .action((value: 'on' | 'off', o) => {
    withStore(o.dataDir, (store) => setProxyMatching(store, value === 'on'))
    console.log(`Proxy matching is ${value}.`)
  })

program
  .command('defect')
  .description('leave the master (with --force: without telling it, when it cannot be reached)')
  .option('--force', 'forget the enlistment locally only')
  .addOption(dataDirOption())
  .action(async (o) => {
    console.log(await defect(o.dataDir, Boolean(o.force)))
  })

program
  .command('simulate')
  .description(
    'run N virtual targets in this process against a master, each with its own certificate (tests, demos, load)',
  )
  .requiredOption('--master <url>', 'the master agent gateway, e.g. https://127.0.0.1:3443')
  .requiredOption('--count <n>', 'how many virtual targets')
  .option('--token <token>', 'an enlistment token (needed while some targets have no identity in --data-dir)')
  .option('--ca-fingerprint <sha256>', "the master CA's SHA-256 fingerprint")
  .option('--ca-file <file>', 'the master CA certificate, instead of its fingerprint')
  .addOption(new Option('--encrypt <mode>', 'strict or no-verify').choices(ENCRYPT_MODES).default('strict'))
  .option('--poll-interval <seconds>', "poll this often instead of the master's interval (until a SET-POLL)")
  .option('--prefix <name>', 'target names are PREFIX-1 ... PREFIX-N', 'SIM')
  .option('--fail-steps', 'report every job step as failed instead of succeeded')
  .option('--enlist-concurrency <n>', 'enlistments in flight at once', '8')
  .option('--ramp-up <seconds>', 'spread the starts over this long (default: 100 targets a second)')
  .option('--report-every <seconds>', 'print a summary line this often (0: never)', '5')
  .addOption(
    new Option('--data-dir <dir>', 'where the virtual targets keep their identities').default(
      `${defaultDataDir()}-simulate`,
    ),
  )
  .action(async (o) => {
    const { simulate } = await import('./simulate')
    await simulate(o, interruptible())
  })

program.parseAsync(process.argv).then(
  // a command that ran but found problems (doctor) sets process.exitCode
  () => exitAfterOutput(Number(process.exitCode ?? 0)),
  (error: unknown) => {
    if (error instanceof CommanderError) return exitAfterOutput(error.exitCode === 0 ? 0 : 2)
    if (error instanceof AgentError) {
      console.error(`msx-agent: ${error.message}`)
      return exitAfterOutput(error.exitCode)
    }
    console.error(`msx-agent: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return exitAfterOutput(1)
  },
)
