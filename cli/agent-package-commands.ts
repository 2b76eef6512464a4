// msx agent-package: writes an agent package that enlists its target by itself (a new token made for it).
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { callApi } from './api-client'
import { parseDuration, UsageError } from './arguments'
import { print } from './table'

const options = z.object({
  type: z.enum(['tar', 'deb'], { error: '--type takes tar or deb' }),
  out: z.string().min(1, '--out names the file to write, e.g. msx-agent.tar.gz or msx-agent.deb'),
  tokenUses: z
    .string()
    .regex(/^\d+$/, '--token-uses takes a whole number of enlistments, e.g. 1')
    .transform(Number)
    .optional(),
  tokenExpires: z.string().transform((text, ctx) => {
    const seconds = parseDuration(text)
    if (seconds === null)
      ctx.addIssue({ code: 'custom', message: `--token-expires "${text}" is not a duration such as 30m, 24h or 7d` })
    return seconds ?? 0
  }),
  location: z.string().optional(),
  name: z.string().optional(),
  gateway: z.string().optional(),
  json: z.boolean().optional(),
})

function parsed(raw: unknown) {
  const result = options.safeParse(raw)
  if (!result.success) throw new UsageError(`${result.error.issues.map((i) => i.message).join('; ')}.`)
  const out = path.resolve(result.data.out)
  if (fs.existsSync(out) && fs.statSync(out).isDirectory())
    throw new UsageError(
      `--out ${result.data.out} is a folder: name the file to write, e.g. ${path.join(result.data.out, 'msx-agent.tar.gz')}.`,
    )
  if (!fs.existsSync(path.dirname(out)))
    throw new UsageError(`--out ${result.data.out}: the folder ${path.dirname(out)} does not exist.`)
  return { ...result.data, out }
}

export function addAgentPackageCommands(program: Command) {
  program
    .command('agent-package')
    .description('write an agent package: the agent, the gateway address, the CA and a new enlistment token')
    .option('--type <type>', 'the kind of package: tar or deb', 'tar')
    .requiredOption('--out <file>', 'the file to write, e.g. msx-agent.tar.gz')
    .option('--token-uses <n>', "how many targets the package's token enlists (default: unlimited until it expires)")
    .option('--token-expires <duration>', 'how long its token is valid: 30m, 24h, 7d', '7d')
    .option('--location <text>', 'the location the targets enlist with')
    .option('--name <name>', 'the name the target enlists under (default: its host name)')
    .option('--gateway <url>', 'the agent gateway as targets reach it (default: https://THIS-HOST:GATEWAY-PORT)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nOn the target: sudo apt install ./FILE.deb, or tar xzf FILE && sudo sh msx-agent/install.sh (a systemd service), or msx-agent/bin/msx-agent run.',
    )
    .action(async (raw) => {
      const o = parsed(raw)
      const made = await callApi('agent-package.create', {
        type: o.type,
        tokenUses: o.tokenUses,
        tokenExpiresInSeconds: o.tokenExpires,
        location: o.location,
        name: o.name,
        gatewayUrl: o.gateway,
      })
      // the package holds a token that enlists: readable by its owner only
      fs.writeFileSync(o.out, Buffer.from(made.archiveBase64, 'base64'), { mode: 0o600 })
      const summary = {
        file: o.out,
        tokenId: made.tokenId,
        tokenExpiresAt: made.tokenExpiresAt,
        gatewayUrl: made.gatewayUrl,
      }
      print(
        o.json,
        summary,
        () =>
          `Wrote ${o.out}: it enlists into ${made.gatewayUrl} with token ${made.tokenId} (${made.tokenUses ?? 'unlimited'} use(s), expires ${made.tokenExpiresAt}; revoke it with msx token revoke ${made.tokenId}).`,
      )
    })
}
