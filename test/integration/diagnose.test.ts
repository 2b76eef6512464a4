// msx diagnose against a real master and real agents: each sentence of the Connection card, from what the gateway
// remembers of the requests it refused (written in batches) and what the database holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJob } from '../../lib/msx/jobs'
import { updateMasterSettings } from '../../lib/msx/master-settings'
import {
  agentProcess,
  enlistAgent,
  eventually,
  type Master,
  type Running,
  startMaster,
  stopAll,
} from '../support/processes'

// the master runs a newer version than this checkout's agents, so that an agent can be too old for it
const MASTER_VERSION = '0.4.0'
const CURRENT = { MSX_AGENT_REPORTED_VERSION: MASTER_VERSION }

let master: Master
const integration = () => ({ db: master.db, actor: { name: 'integration', address: 'test' } })
/** targets enlisted here poll every 10 s (the least allowed), so that a stopped one is seen as silent soon */
const POLL_SECONDS = 10

beforeAll(async () => {
  master = await startMaster({ MSX_REPORTED_VERSION: MASTER_VERSION })
  await updateMasterSettings(integration(), { name: 'MSX1', defaultPollIntervalSeconds: String(POLL_SECONDS) })
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

interface Diagnosed {
  verdict: string
  sentence: string
  evidence: { label: string; text: string }[]
}

async function diagnose(name: string): Promise<Diagnosed> {
  return JSON.parse((await master.msxOk('diagnose', name, '--json')).stdout) as Diagnosed
}

function until(name: string, verdict: string, timeoutMs = 30_000) {
  return eventually(
    () => diagnose(name),
    (d) => d.verdict === verdict,
    timeoutMs,
  )
}

async function running(name: string): Promise<{ dataDir: string; run: Running }> {
  const dataDir = await enlistAgent(master, name, CURRENT)
  const run = agentProcess(dataDir, ['run'], CURRENT)
  await run.waitFor(/polling master MSX1/)
  return { dataDir, run }
}

const evidence = (d: Diagnosed, label: string) => d.evidence.find((line) => line.label === label)?.text ?? ''

describe('msx diagnose', () => {
  it('a target that polls: polling normally, with the address of its last poll', async () => {
    await running('DIAG-OK')
    const diagnosed = await until('DIAG-OK', 'normal')
    expect(diagnosed.sentence).toMatch(/^Polling normally: last poll \d+ s ago from 127\.0\.0\.1$/)
    expect(evidence(diagnosed, 'Last refusal')).toBe('none remembered')
    const text = (await master.msxOk('diagnose', 'diag-ok')).stdout
    expect(text).toMatch(/^DIAG-OK: Polling normally: last poll \d+ s ago from 127\.0\.0\.1\.\n/)
    expect(text).toMatch(/ {2}Agent version +0\.4\.0 \(this master, 0\.4\.0, accepts 0\.2\.0 to 0\.4\.0\)/)
  })

  it('a target whose agent never ran: never polled, and where to look', async () => {
    await enlistAgent(master, 'DIAG-STOPPED', CURRENT)
    const diagnosed = await diagnose('DIAG-STOPPED')
    expect(diagnosed).toMatchObject({ verdict: 'never-polled' })
    expect(diagnosed.sentence).toMatch(
      /^Never polled since it was enlisted \d+ s ago: check that the agent runs and reaches MSX1:\d+ \(msx-agent doctor\)$/,
    )
  })

  it('a blocked target: the instruction and its error, and what to do', async () => {
    await running('DIAG-BLOCKED')
    await createJob(integration(), {
      name: 'diagnose-blocker',
      steps: [{ name: 'one', kind: 'cmdexec', command: 'true', proxy: 'backup_operator' }],
      targets: { servers: ['DIAG-BLOCKED'], groups: [] },
    })
    const diagnosed = await until('DIAG-BLOCKED', 'blocked')
    expect(diagnosed.sentence).toMatch(
      /^Blocked by instruction \d+: The job step requires a proxy account, however proxy matching is disabled on the target server\. Clear or delete it, or re-synchronize$/,
    )
  })

  it('an agent too old for the master: it knocks, its instructions wait, and many refusals are one counted row', async () => {
    const dataDir = await enlistAgent(master, 'DIAG-OLD', CURRENT)
    await master.msxOk('post', 'SYNC-TIME', '--target', 'DIAG-OLD')
    // the same target, its agent downgraded to this checkout's version: every poll is refused
    for (let i = 0; i < 3; i++) {
      const run = agentProcess(dataDir, ['run'])
      await run.waitFor(/too old/)
      await run.stop()
    }
    const diagnosed = await eventually(
      () => diagnose('DIAG-OLD'),
      (d) => d.verdict === 'version-refused' && /; 3 refused requests since/.test(evidence(d, 'Last refusal')),
      30_000,
    )
    expect(diagnosed.sentence).toBe(
      'Polling, but 1 instruction waits: its agent (0.1.0) is refused as too old: upgrade it to 0.2.0 to 0.4.0',
    )
    const rows = await master.db.refusedRequest.findMany({ where: { nameKey: 'DIAG-OLD' } })
    expect(rows).toEqual([expect.objectContaining({ reason: 'version_refused', agentVersion: '0.1.0', count: 3 })])
  })

  it('a force-defected name: when and by whom, and that its agent still knocks with its revoked certificate', async () => {
    const { dataDir, run } = await running('DIAG-GONE')
    await until('DIAG-GONE', 'normal')
    await run.stop()
    await master.msxOk('defect', '--force', 'DIAG-GONE')
    const quiet = await diagnose('DIAG-GONE')
    expect(quiet.sentence).toMatch(
      /^Not enlisted: force-defected at [\d:]+ by admin; its agent has not been heard from since$/,
    )
    const knocking = agentProcess(dataDir, ['run'], CURRENT)
    await knocking.exited
    const diagnosed = await eventually(
      () => diagnose('DIAG-GONE'),
      (d) => d.sentence.includes('still knocks'),
      30_000,
    )
    expect(diagnosed.sentence).toMatch(
      /^Not enlisted: force-defected at ([\d:]+) by admin; its agent still knocks: last request at [\d:]+ from 127\.0\.0\.1, refused \(certificate revoked at \1 by admin\)$/,
    )
    expect(evidence(diagnosed, 'Refused with')).toContain('DIAG-GONE is no longer enlisted')
  })

  // a stopped agent is silent for three poll intervals before it is called not polling
  const SILENT_MS = 3 * POLL_SECONDS * 1000

  it.concurrent(
    'a target whose agent stopped: not polling since its last poll, from where, and where to look',
    async () => {
      const { run } = await running('DIAG-QUIET')
      await until('DIAG-QUIET', 'normal')
      await run.stop()
      const diagnosed = await until('DIAG-QUIET', 'not-polling', SILENT_MS + 30_000)
      expect(diagnosed.sentence).toMatch(
        /^Not polling since [\d:]+ \(last poll \d+ s ago from 127\.0\.0\.1\): check that the agent runs and reaches MSX1:\d+ \(msx-agent doctor\)$/,
      )
      expect(evidence(diagnosed, 'Last poll')).toMatch(/ from 127\.0\.0\.1, every 10 s$/)
    },
    SILENT_MS + 60_000,
  )

  it.concurrent(
    'an enlisted target whose old agent knocks with a revoked certificate: not polling since, refused, and why',
    async () => {
      // enlisted once, force-defected, enlisted again from a new agent that then stopped; the first agent still runs
      const first = await running('DIAG-REVOKED')
      await until('DIAG-REVOKED', 'normal')
      await first.run.stop()
      await master.msxOk('defect', '--force', 'DIAG-REVOKED')
      const second = await running('DIAG-REVOKED')
      await until('DIAG-REVOKED', 'normal')
      await second.run.stop()
      const knocking = agentProcess(first.dataDir, ['run'], CURRENT)
      await knocking.exited
      const diagnosed = await until('DIAG-REVOKED', 'refused', SILENT_MS + 30_000)
      expect(diagnosed.sentence).toMatch(
        /^Not polling since [\d:]+: last request refused at [\d:]+ from 127\.0\.0\.1: certificate revoked at [\d:]+ by admin$/,
      )
      expect(evidence(diagnosed, 'Refused with')).toContain('DIAG-REVOKED is no longer enlisted')
      expect(diagnosed).toMatchObject({ tone: 'error' })
    },
    SILENT_MS + 90_000,
  )
})
