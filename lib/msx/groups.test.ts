import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { addGroupMembers, createGroup, deleteGroup, listGroups, removeGroupMembers, renameGroup } from './groups'

const t = testDatabase()

describe('target server groups', () => {
  it('creates, renames and deletes a group, refusing a name in use', async () => {
    const [name, other] = [uniqueName('grp'), uniqueName('grp')]
    await createGroup(t.ctx, name)
    await createGroup(t.ctx, other)
    await expect(createGroup(t.ctx, name.toLowerCase())).rejects.toThrow(
      `A target server group named "${name}" already exists.`,
    )
    await expect(renameGroup(t.ctx, name, other)).rejects.toThrow(
      `A target server group named "${other}" already exists.`,
    )
    const renamed = await renameGroup(t.ctx, name, `${name}-new`)
    expect(renamed.name).toBe(`${name}-new`)
    await deleteGroup(t.ctx, `${name}-new`)
    await expect(deleteGroup(t.ctx, `${name}-new`)).rejects.toThrow(
      `There is no target server group named "${name}-new".`,
    )
    const actions = await t.ctx.db.auditEvent.findMany({ where: { objectType: 'group' }, select: { action: true } })
    expect(actions.map((a) => a.action)).toEqual(['group.create', 'group.create', 'group.rename', 'group.delete'])
  })

  it('adds and removes members, many at once, ignoring those already in or out', async () => {
    const [a, b, group] = [uniqueName(), uniqueName(), uniqueName('grp')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createGroup(t.ctx, group)
    expect((await addGroupMembers(t.ctx, group, [a, b])).changed).toEqual([a, b])
    expect((await addGroupMembers(t.ctx, group, [a])).changed).toEqual([])
    expect((await listGroups(t.ctx.db)).find((g) => g.name === group)?.members).toBe(2)
    expect((await removeGroupMembers(t.ctx, group, [a])).changed).toEqual([a])
    expect((await listGroups(t.ctx.db)).find((g) => g.name === group)?.members).toBe(1)
    await expect(addGroupMembers(t.ctx, group, [])).rejects.toThrow('Choose at least one target server.')
  })

  it('refuses an empty or too long name', async () => {
    await expect(createGroup(t.ctx, '  ')).rejects.toThrow('A group name is required.')
    await expect(createGroup(t.ctx, 'x'.repeat(129))).rejects.toThrow('A group name has at most 128 characters.')
  })
})
