/**
 * Docs of a group not in use rest on disk (issue 19, core/group/doc-rest.ts), on real files: a
 * resting group still ingests a fellow member's live post and still takes governance (what
 * serving a joiner needs) without waking, and shows everything once a view reads it; a
 * checkpoint replaced while it rests is refused and the group read again from its logs; what
 * rests is sealed (canary scan); a lock while resting loses nothing.
 */
import { copyFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateIdentity } from '../../../core/crypto/identity.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { checkpointPath } from '../../../core/store/checkpoint-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { fellowGroup, ownPost, PASS, texts, type FellowGroup } from '../../helpers/fellow-group.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const setup = (): Promise<FellowGroup> => fellowGroup(tempDir())

describe('a group at rest', () => {
  it('ingests a live post and governance without waking, and shows everything when read', async () => {
    const s = await setup()
    await ownPost(s.space, 'before rest')
    await s.fellow.post('fellow before rest')
    await s.space.catchUp(s.fellow.log)
    expect(texts(s.space)).toEqual(['before rest', 'fellow before rest'])

    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(s.space.docs.isResting).toBe(true)
    // A live post arrives while it rests: judged by the write rule, kept, and announced.
    const before = s.changes.length
    await s.fellow.post('live while resting')
    await s.space.catchUp(s.fellow.log)
    expect(s.space.docs.isResting).toBe(true)
    expect(s.changes.length).toBeGreaterThan(before)
    // Governance (what admitting a joiner writes and reads) runs without the docs.
    const joiner = generateIdentity()
    await s.space.writeGovernance({
      v: 1, kind: 'member.admit', group: s.groupId, author: s.space.me, at: Date.now(), seen: s.space.seen(),
      body: { member: { id: hex(joiner.signPublicKey), boxKey: hex(joiner.boxPublicKey), device: hex(generateIdentity().signPublicKey), pseudonym: 'Bo' }, role: 'member' },
    })
    expect(s.space.governance.members.has(hex(joiner.signPublicKey))).toBe(true)
    expect(s.space.docs.isResting).toBe(true)

    // The first read wakes it: the history from the checkpoint, the live post from what was kept.
    expect(texts(s.space)).toEqual(['before rest', 'fellow before rest', 'live while resting'])
    expect(s.space.docs.isResting).toBe(false)
    // Writing works again, and it can rest again.
    await ownPost(s.space, 'after waking')
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(texts(s.space)).toContain('after waking')
    await s.reg.lockNow()
  })

  it('wakes from the sealed pieces still in memory before their write is durable', async () => {
    const s = await setup()
    await ownPost(s.space, 'sealed, not yet written')
    const written = s.reg.rest.now(s.groupId, s.space)
    expect(s.space.docs.isResting).toBe(true)
    // Read in the same synchronous step: the file is not written yet, the pieces sealed for it wake the docs.
    expect(texts(s.space)).toEqual(['sealed, not yet written'])
    expect(await written).toBe(true)
    await s.reg.lockNow()
  })

  it('does not rest while typing waits to be written', async () => {
    const s = await setup()
    s.space.changeSoon(memberDocId(s.space.me), (doc) => void new MemberDoc(doc, s.space.me).addPost({ topic: 'check-in', text: 'typing', cw: null }, Date.now()))
    expect(s.reg.rest.now(s.groupId, s.space)).toBeNull()
    await s.space.flush()
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(texts(s.space)).toEqual(['typing'])
    await s.reg.lockNow()
  })

  it('refuses a checkpoint replaced while it rests, and reads the group again from its logs', async () => {
    const s = await setup()
    await ownPost(s.space, 'first')
    await s.reg.checkpoint(s.groupId, s.space)
    const file = checkpointPath(s.dir, s.groupId)
    copyFileSync(file, `${file}.old`)
    await ownPost(s.space, 'second')
    await s.fellow.post('fellow')
    await s.space.catchUp(s.fellow.log)
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    // An older checkpoint of this very group, sealed with the right key, put back in its place.
    copyFileSync(`${file}.old`, file)
    const rebuilt = new Promise<void>((resolve) => s.changes.push = () => (resolve(), 0))
    expect(() => texts(s.space)).toThrow(expect.objectContaining({ code: 'PROFILE_BUSY' }))
    await rebuilt
    expect(s.space.docs.isResting).toBe(false)
    expect(texts(s.space)).toEqual(['fellow', 'first', 'second'])
    await s.reg.lockNow()
  })

  it('keeps what rests sealed, and a lock while resting loses nothing', async () => {
    const s = await setup()
    const canary = makeCanary('rest')
    await ownPost(s.space, `${canary} before`)
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    await s.fellow.post(`${canary} live`)
    await s.space.catchUp(s.fellow.log)
    await s.reg.lockNow()
    s.vault.lock()
    expect(scanForCanaries([s.dir], [canary])).toEqual([])

    const vault = new Vault(s.dir)
    await vault.unlock(PASS)
    const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
    const space = await reg.space(s.groupId)
    expect(texts(space)).toEqual([`${canary} before`, `${canary} live`])
    await reg.lockNow()
  })
})
