// The fleet the screenshots show, made through lib/msx as the product would: 30 SQL Server targets over three
// sites, most polling normally, some long silent, one blocked by an instruction in error, one defecting, one
// re-synchronizing, one approved and waiting for its agent, one request waiting for approval; groups, two jobs
// with a month of nightly outcomes on four targets (one night far longer than usual) and runs in progress, and a
// day of poll history on the first target.
import { createHash } from 'node:crypto'
import type { MsxContext } from '../../lib/msx/context'
import { pendingInstructions } from '../../lib/msx/download-list'
import { approveEnlistmentRequests, submitEnlistmentRequest } from '../../lib/msx/enlistment-requests'
import { addGroupMembers, createGroup } from '../../lib/msx/groups'
import { acknowledgeInstructions } from '../../lib/msx/instructions'
import { createJob } from '../../lib/msx/jobs'
import { recordOutcomes } from '../../lib/msx/outcomes'
import { type PollReport, recordPolls } from '../../lib/msx/polls'
import { postOperation } from '../../lib/msx/post-operation'
import { resynchronizeTarget } from '../../lib/msx/resync'
import { defectTarget, enlistTarget } from '../../lib/msx/targets'
import { MASTER_VERSION } from '../../lib/msx/versions'

export const SHOWN_TARGET = 'SQL-PRD-01'

const SITES = [
  { prefix: 'SQL-PRD', location: 'Paris, rack A4', offset: 60, count: 12 },
  { prefix: 'SQL-RPT', location: 'Frankfurt, rack 12', offset: 60, count: 8 },
  { prefix: 'SQL-BRN', location: 'Montreal branch office', offset: -300, count: 9 },
]
const MINUTE = 60_000
// made-up, but shaped as the real ones: the SHA-256 of a certificate or a public key
const fingerprint = (of: 'certificate' | 'key', name: string) =>
  `sha256:${createHash('sha256').update(`${of} ${name}`).digest('hex')}`

async function enlistSites(ctx: MsxContext) {
  const names: string[] = []
  for (const site of SITES)
    for (let i = 1; i <= site.count; i++) {
      const name = `${site.prefix}-${String(i).padStart(2, '0')}`
      await enlistTarget(ctx, {
        name,
        location: site.location,
        timeZoneOffsetMinutes: site.offset,
        agentVersion: MASTER_VERSION,
        certFingerprint: fingerprint('certificate', name),
      })
      names.push(name)
    }
  return names
}

/** A day of polls on the shown target (its chart), then a last poll of every target: some long ago. */
async function poll(ctx: MsxContext, names: string[]) {
  const targets = await ctx.db.targetServer.findMany({ select: { id: true, name: true } })
  const id = new Map(targets.map((t) => [t.name, t.id]))
  const now = Date.now()
  const report = (name: string, minutesAgo: number, i: number, sample = false): PollReport => {
    const clockSkewMs = Math.round(Math.sin(i / 3) * 180) + ((i * 17) % 40) + 12
    const at = new Date(now - minutesAgo * MINUTE)
    return {
      targetId: id.get(name) ?? 0,
      at,
      localTime: new Date(at.getTime() + clockSkewMs),
      clockSkewMs,
      spoolDepth: sample ? Math.max(0, Math.round(Math.cos(i / 4) * 6)) : 0,
      spoolOldestAt: null,
      pollIntervalSeconds: 60,
      sample,
    }
  }
  for (let i = 0; i < 48; i++) await recordPolls(ctx.db, [report(SHOWN_TARGET, (48 - i) * 30, i, true)])
  const silent = new Set(['SQL-BRN-04', 'SQL-BRN-07', 'SQL-RPT-06'])
  await recordPolls(
    ctx.db,
    names.map((name, i) => report(name, silent.has(name) ? 190 + i * 7 : (i % 5) * 0.2, i)),
  )
}

export async function makeFleet(ctx: MsxContext) {
  const names = await enlistSites(ctx)
  await poll(ctx, names)
  for (const [group, members] of [
    ['Production', names.filter((n) => n.startsWith('SQL-PRD'))],
    ['Reporting', names.filter((n) => n.startsWith('SQL-RPT'))],
    ['Branch offices', names.filter((n) => n.startsWith('SQL-BRN'))],
  ] as const) {
    await createGroup(ctx, group)
    await addGroupMembers(ctx, group, [...members])
  }
  const backup = await createJob(ctx, {
    name: 'Nightly full backup',
    category: 'Database Maintenance',
    description: 'Full backup of every user database, copied to the vault',
    schedules: [{ name: 'Every night', cron: '30 2 * * *' }],
    steps: [
      { name: 'Back up user databases', kind: 'cmdexec', command: 'sqlcmd -Q "EXEC dbo.BackupAll"' },
      { name: 'Copy to vault', kind: 'cmdexec', command: 'robocopy D:\\backup \\\\vault\\sql /MIR' },
    ],
    targets: { servers: [], groups: ['Production'] },
  })
  await createJob(ctx, {
    name: 'Rebuild reporting indexes',
    category: 'Database Maintenance',
    schedules: [{ name: 'Sundays', cron: '0 4 * * 0' }],
    steps: [{ name: 'Rebuild', kind: 'cmdexec', command: 'sqlcmd -Q "EXEC dbo.RebuildIndexes"' }],
    targets: { servers: [], groups: ['Reporting'] },
  })
  await outcomes(ctx, backup.job.id)
  await runsInProgress(ctx)

  await postOperation(ctx, { operation: 'SET-POLL', value: 30, recipients: { group: 'Reporting' } })
  await defectTarget(ctx, 'SQL-BRN-09')
  await resynchronizeTarget(ctx, 'SQL-RPT-08')
  // last, so it heads the download list (newest first)
  const blocked = await ctx.db.targetServer.findFirstOrThrow({ where: { name: 'SQL-BRN-02' } })
  await postOperation(ctx, { operation: 'SYNC-TIME', recipients: { targets: ['SQL-BRN-02'] } })
  const waiting = (await pendingInstructions(ctx.db, blocked.id)).instructions
  const sync = waiting.find((w) => w.operation === 'SYNC-TIME') ?? waiting[0]
  await acknowledgeInstructions(ctx.db, blocked.id, [
    { id: sync?.id ?? 0, ok: false, error: 'The time service is not running (w32time stopped).' },
  ])
  for (const [name, location] of [
    ['SQL-BRN-10', 'Montreal branch office'],
    ['SQL-DEV-01', 'Lyon lab'],
  ]) {
    await submitEnlistmentRequest(ctx.db, {
      name,
      location,
      agentVersion: MASTER_VERSION,
      keyFingerprint: fingerprint('key', name),
      sourceAddress: '10.40.2.18',
    })
  }
  await approveEnlistmentRequests(ctx, ['SQL-BRN-10'])
}

const BACKUP = 'Nightly full backup'
const NIGHTS = 30

/** A month of the backup's nights on the first Production targets, each taking about its own time. */
async function nights(ctx: MsxContext, jobId: number) {
  const usual: [string, number][] = [
    [SHOWN_TARGET, 600_000],
    ['SQL-PRD-02', 540_000],
    ['SQL-PRD-03', 300_000],
    ['SQL-PRD-04', 840_000],
  ]
  for (const [name, typical] of usual) {
    const target = await ctx.db.targetServer.findFirstOrThrow({ where: { name } })
    // the shown target's last two nights come with their steps, below
    const last = name === SHOWN_TARGET ? 3 : 1
    const runs = []
    for (let night = NIGHTS; night >= last; night--) {
      const failed = name === 'SQL-PRD-04' && night === 9
      const slow = name === 'SQL-PRD-02' && night === 2
      const durationMs = failed ? 95_000 : slow ? 1_390_000 : typical + ((night * 7919) % 9) * 9_000
      const startedAt = new Date(Date.now() - night * 24 * 60 * MINUTE).toISOString()
      runs.push({
        idempotencyKey: `${name}-${night}:0`,
        runId: `${name}-${night}`,
        jobId,
        jobName: BACKUP,
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: failed ? (0 as const) : (1 as const),
        message: failed ? 'The job failed.' : 'The job succeeded.',
        output: '',
        retriesAttempted: 0,
        startedAt,
        durationMs,
      })
    }
    await recordOutcomes(ctx.db, target, runs)
  }
}

/** Running now: the backup on a target far past its usual time, the index rebuild on two reporting servers. */
async function runsInProgress(ctx: MsxContext) {
  const running: [string, string, string, number][] = [
    [BACKUP, 'SQL-PRD-03', 'Back up user databases', 26],
    ['Rebuild reporting indexes', 'SQL-RPT-01', 'Rebuild', 4],
    ['Rebuild reporting indexes', 'SQL-RPT-02', 'Rebuild', 3],
  ]
  for (const [jobName, name, step, minutesAgo] of running) {
    const [job, target] = await Promise.all([
      ctx.db.job.findFirstOrThrow({ where: { name: jobName } }),
      ctx.db.targetServer.findFirstOrThrow({ where: { name } }),
    ])
    const startedAt = new Date(Date.now() - minutesAgo * MINUTE).toISOString()
    await recordOutcomes(ctx.db, target, [], new Date(), [
      {
        runId: `${name}-now`,
        jobId: job.id,
        jobName,
        startedAt,
        stepNumber: 1,
        stepName: step,
        stepStartedAt: startedAt,
      },
    ])
  }
}

/** The backup's month on four targets, its last night on the shown target: the copy failed once. */
async function outcomes(ctx: MsxContext, jobId: number) {
  await nights(ctx, jobId)
  const target = await ctx.db.targetServer.findFirstOrThrow({ where: { name: SHOWN_TARGET } })
  const jobName = BACKUP
  for (const [night, ok] of [
    [2, true],
    [1, false],
  ] as const) {
    const startedAt = new Date(Date.now() - night * 24 * 60 * MINUTE).toISOString()
    const run = { runId: `${SHOWN_TARGET}-${night}`, jobId, jobName, output: '', retriesAttempted: 0, startedAt }
    await recordOutcomes(ctx.db, target, [
      {
        ...run,
        idempotencyKey: `${run.runId}:1`,
        stepNumber: 1,
        stepName: 'Back up user databases',
        runStatus: 1,
        message: 'Backed up 14 databases.',
        durationMs: 512_000,
      },
      {
        ...run,
        idempotencyKey: `${run.runId}:2`,
        stepNumber: 2,
        stepName: 'Copy to vault',
        runStatus: ok ? 1 : 0,
        message: ok ? 'Copied 14 files.' : 'The network path \\\\vault\\sql was not found.',
        durationMs: ok ? 95_000 : 4_000,
      },
      {
        ...run,
        idempotencyKey: `${run.runId}:0`,
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: ok ? 1 : 0,
        message: ok ? 'The job succeeded.' : 'The job failed.',
        durationMs: ok ? 607_000 : 516_000,
      },
    ])
  }
}
