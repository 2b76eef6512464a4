// msx dismantle and msx defect --all against a real master: asked to confirm, refused while targets remain
// (naming them), administrators only, and a dismantled master refuses new enlistments. Targets are seeded rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFleet } from '../support/fleet'
import { type Master, startMaster, stopAll, type TestUser } from '../support/processes'

let master: Master
let operator: TestUser
let names: string[]

beforeAll(async () => {
  master = await startMaster()
  operator = await master.addUser('operator', 'otto')
  names = await seedFleet(master.db, 'DISM', 3)
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

describe('msx dismantle', () => {
  it('without --yes says what it would do and changes nothing', async () => {
    const asked = await master.msx('dismantle')
    expect(asked.code).toBe(2)
    expect(asked.stderr).toContain('revokes every enlistment token')
    expect(asked.stderr).toContain('Run msx dismantle --yes to dismantle it')
    expect((await master.db.masterServer.findUnique({ where: { id: 1 } }))?.dismantledAt).toBeNull()
  })

  it('is refused to an operator, with the reason', async () => {
    const refused = await master.msxWith({ token: operator.token }, 'dismantle', '--yes')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'Operators may not dismantle the multiserver configuration: only administrators may.',
    )
  })

  it('is refused while targets are enlisted, naming them; after Defect all and their leaving, it dismantles', async () => {
    const refused = await master.msx('dismantle', '--yes')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`3 target servers are still enlisted (${names.join(', ')})`)

    const defected = await master.msxOk('defect', '--all')
    expect(defected.stdout).toContain('Posted DEFECT to 3 target servers')
    const again = await master.msx('dismantle', '--yes')
    expect(again.stderr).toContain(`(${names.map((n) => `${n} (defecting)`).join(', ')})`)

    // seeded targets have no agent to carry out DEFECT: force their defection, all at once
    const forced = await master.msxOk('defect', ...names, '--force')
    expect(forced.stdout).toContain('Force-defected 3 target servers.')
    const unknown = await master.msx('defect', 'NO-SUCH-1', 'NO-SUCH-2', '--force')
    expect([unknown.code, unknown.stdout]).toEqual([
      1,
      'Force-defected 0 target servers. Refused for NO-SUCH-1: No target server is named "NO-SUCH-1".; NO-SUCH-2: No target server is named "NO-SUCH-2".\n',
    ])
    const done = await master.msxOk('dismantle', '--yes')
    expect(done.stdout).toContain('Dismantled the multiserver configuration of')
    expect(done.stdout).toContain('Job history and the activity log are kept')

    const token = await master.msx('token', 'create')
    expect(token.code).toBe(1)
    expect(token.stderr).toMatch(/The multiserver configuration of .+ was dismantled on .+ UTC/)
  })
})
