/**
 * The groups screen opens no group (issue 19): after an unlock, the list comes from the summary
 * each group keeps in the vault, on real files. A group without one is opened once and keeps one
 * from then on; a governance change (a new name) is kept as soon as the open group reads it.
 */
import { describe, expect, it } from 'vitest'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { Vault } from '../../../core/store/vault.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

async function unlocked(dir: string): Promise<{ vault: Vault; reg: GroupRegistry }> {
  const vault = new Vault(dir)
  if (await vault.exists()) await vault.unlock(PASS)
  else await vault.create(PASS)
  return { vault, reg: await GroupRegistry.open(vault, () => undefined, Date.now) }
}

/** How many groups the registry holds open or is opening (private on purpose: nothing else needs it). */
function openCount(reg: GroupRegistry): number {
  const r = reg as unknown as { open: Map<string, unknown>; opening: Map<string, unknown> }
  return r.open.size + r.opening.size
}

async function close(p: { vault: Vault; reg: GroupRegistry }): Promise<void> {
  await p.reg.lockNow()
  p.vault.lock()
}

describe('the groups screen', () => {
  it('lists every group from its kept summary without opening one', async () => {
    const dir = tempDir()
    let p = await unlocked(dir)
    const a = await p.reg.create({ name: 'Tuesday circle', mode: 'survivor-led', pseudonym: 'Fay' })
    const b = await p.reg.create({ name: 'Evening group', mode: 'facilitated', pseudonym: 'Fay' })
    const ids = [a.governance.groupId, b.governance.groupId]
    await close(p)

    p = await unlocked(dir)
    const list = await p.reg.summaries()
    expect(openCount(p.reg)).toBe(0)
    expect(list.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { id: ids[1], name: 'Evening group', mode: 'facilitated', role: 'facilitator' },
      { id: ids[0], name: 'Tuesday circle', mode: 'survivor-led', role: 'facilitator' },
    ])

    // A new name reaches the kept summary through governance, read by the open group.
    const space = await p.reg.space(ids[0] as string)
    await space.writeGovernance({ v: 1, kind: 'settings', group: ids[0] as string, author: space.me, at: Date.now(), seen: space.seen(), body: { name: 'Thursday circle' } })
    await close(p)
    p = await unlocked(dir)
    expect((await p.reg.summaries()).map((g) => g.name).sort()).toEqual(['Evening group', 'Thursday circle'])
    expect(openCount(p.reg)).toBe(0)
    await close(p)
  })

  it('opens a group without a summary once, and keeps one for the next time', async () => {
    const dir = tempDir()
    let p = await unlocked(dir)
    const id = (await p.reg.create({ name: 'Old circle', mode: 'survivor-led', pseudonym: 'Fay' })).governance.groupId
    await close(p)
    p = await unlocked(dir)
    await p.vault.delete(`group/${id}/summary`)
    expect((await p.reg.summaries()).map((g) => g.name)).toEqual(['Old circle'])
    expect(openCount(p.reg)).toBe(1)
    await close(p)
    p = await unlocked(dir)
    expect((await p.reg.summaries()).map((g) => g.name)).toEqual(['Old circle'])
    expect(openCount(p.reg)).toBe(0)
    await close(p)
  })

  it('opens a group whose kept summary is damaged rather than show it', async () => {
    const dir = tempDir()
    let p = await unlocked(dir)
    const id = (await p.reg.create({ name: 'Circle', mode: 'survivor-led', pseudonym: 'Fay' })).governance.groupId
    await close(p)
    p = await unlocked(dir)
    await p.vault.set(`group/${id}/summary`, new TextEncoder().encode('{"v":1,"name":7}'))
    expect(await p.reg.summaries()).toEqual([{ id, name: 'Circle', mode: 'survivor-led', role: 'facilitator' }])
    expect(openCount(p.reg)).toBe(1)
    await close(p)
  })
})
