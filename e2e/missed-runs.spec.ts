// Missed runs: a target that did not poll at its job's scheduled time shows the run as missed, with the reason, on
// the job's Missed runs tab, and the Jobs list counts it ("1 missed") with a link there; the tab follows the master
// live.
import { createHash } from 'node:crypto'
import { acknowledgeInstructions } from '../lib/msx/acknowledgements'
import { createJob } from '../lib/msx/jobs'
import { checkMissedRuns } from '../lib/msx/missed-runs'
import { recordOutcomes } from '../lib/msx/outcomes'
import { recordPolls } from '../lib/msx/polls'
import { enlistTarget } from '../lib/msx/targets'
import { MASTER_VERSION } from '../lib/msx/versions'
import { seriousViolations } from './axe'
import { choose } from './choose'
import { expect, test } from './fixtures'

test('a run missed while its target was offline is listed with its reason and counted on the Jobs list', async ({
  page,
  msx,
  unique,
}) => {
  const prefix = unique('MISSED')
  const [online, offline] = [`${prefix}-ON`, `${prefix}-OFF`]
  for (const name of [online, offline])
    await enlistTarget(msx, {
      name,
      agentVersion: MASTER_VERSION,
      certFingerprint: `sha256:${createHash('sha256').update(name).digest('hex')}`,
    })
  // after the INSERTs are posted, with room for a loaded machine: a target given the job later did not miss it
  const due = new Date(Date.now() + 8000)
  const { job } = await createJob(msx, {
    name: `${prefix}-nightly`,
    steps: [{ name: 'work', kind: 'cmdexec', command: 'echo work' }],
    schedules: [{ name: 'tonight', runAt: due.toISOString() }],
    targets: { servers: [online, offline], groups: [] },
  })
  const lastPolls = { [online]: new Date(due.getTime() + 30_000), [offline]: new Date(due.getTime() - 20 * 60_000) }
  for (const name of [online, offline]) {
    const target = await msx.db.targetServer.findFirstOrThrow({ where: { name } })
    const unread = await msx.db.downloadInstruction.findMany({ where: { targetId: target.id, status: 0 } })
    await acknowledgeInstructions(
      msx.db,
      target.id,
      unread.map((i) => ({ id: i.id, ok: true })),
    )
    const at = lastPolls[name] as Date
    await recordPolls(msx.db, [
      {
        targetId: target.id,
        at,
        localTime: at,
        clockSkewMs: 0,
        spoolDepth: 0,
        spoolOldestAt: null,
        pollIntervalSeconds: 60,
        sample: false,
      },
    ])
  }
  expect(
    (await msx.db.downloadInstruction.findMany({ where: { objectId: job.id } })).every((i) => i.datePosted < due),
  ).toBe(true)
  await expect.poll(() => Date.now(), { timeout: 20_000 }).toBeGreaterThan(due.getTime())
  // as the master's worker does once the targets' poll interval and a minute have passed
  await checkMissedRuns(msx.db, { now: new Date(due.getTime() + 5 * 60_000), jobs: [job.id] })

  await page.goto(`/jobs?search=${prefix}`)
  const row = page.getByRole('table', { name: 'Jobs' }).getByRole('row').filter({ hasText: job.name })
  await expect(row.getByRole('link', { name: '2 missed' })).toBeVisible()
  await row.getByRole('link', { name: '2 missed' }).click()
  await expect(page).toHaveURL(/tab=missed/)
  const missed = page.getByRole('list', { name: 'Missed runs' })
  const offlineRun = missed.getByRole('listitem').filter({ hasText: offline })
  await expect(offlineRun).toContainText('Target offline')
  await expect(offlineRun).toContainText('tonight')
  await expect(offlineRun).toContainText('Not run: the target server was not polling (its last poll was at')
  await expect(missed.getByRole('listitem').filter({ hasText: online })).toContainText(
    'held the job and was polling, but reported no run',
  )

  await expect(page.getByRole('combobox', { name: 'Window' })).toHaveText('Last 24 hours')

  await test.step('the tab follows the master without a reload: a run that arrives from the spool is not missed', async () => {
    const target = await msx.db.targetServer.findFirstOrThrow({ where: { name: online } })
    await recordOutcomes(
      msx.db,
      target,
      [
        {
          idempotencyKey: `${prefix}-spooled`,
          runId: `${prefix}-spooled`,
          jobId: job.id,
          jobName: job.name,
          stepNumber: 0,
          stepName: '(job outcome)',
          runStatus: 1,
          message: 'The job succeeded. The job was invoked by schedule tonight.',
          output: '',
          retriesAttempted: 0,
          startedAt: due.toISOString(),
          durationMs: 10,
        },
      ],
      new Date(due.getTime() + 5 * 60_000),
    )
    await expect(missed.getByRole('listitem').filter({ hasText: online })).toHaveCount(0)
    await expect(missed.getByRole('listitem')).toHaveCount(1)
  })

  await test.step('filtered by reason, in the URL', async () => {
    await choose(page, 'Reason', 'Target offline')
    await expect(page).toHaveURL(/reason=offline/)
    await expect(missed.getByRole('listitem')).toHaveCount(1)
    await expect(missed.getByRole('listitem')).toContainText(offline)
  })

  await test.step('at 390 pixels nothing sticks out, and axe finds nothing serious in either theme', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(await seriousViolations(page)).toEqual([])
    }
  })
})
