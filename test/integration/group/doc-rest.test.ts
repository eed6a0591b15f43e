/**
 * Docs of a group not in use rest on disk (issue 19, core/group/doc-rest.ts), on real files: a
 * resting group still ingests a fellow member's live post and still takes governance (what
 * serving a joiner needs) without waking, and shows everything once a view reads it; a
 * checkpoint replaced while it rests is refused and the group read again from its logs; what
 * rests is sealed (canary scan); a lock while resting loses nothing.
 */
import { copyFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { generateIdentity } from '../../../core/crypto/identity.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import type { GroupSpace, ReadLog } from '../../../core/group/group-space.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { checkpointPath } from '../../../core/store/checkpoint-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

interface Setup {
  dir: string
  vault: Vault
  reg: GroupRegistry
  space: GroupSpace
  groupId: string
  /** A fellow member whose device log sits in this store, as replication leaves it. */
  fellow: { log: ReadLog; post: (text: string) => Promise<void> }
  changes: string[]
}

async function setup(): Promise<Setup> {
  const dir = tempDir()
  const vault = new Vault(dir)
  await vault.create(PASS)
  const changes: string[] = []
  const reg = await GroupRegistry.open(vault, (id) => changes.push(id), Date.now)
  const space = await reg.create({ name: 'Tuesday circle', mode: 'survivor-led', pseudonym: 'Fay' })
  const groupId = space.governance.groupId
  const identity = generateIdentity()
  const dlog = await reg.store.openDeviceLog('m-fellow')
  const id = hex(identity.signPublicKey)
  await space.writeGovernance({
    v: 1, kind: 'member.admit', group: groupId, author: space.me, at: Date.now(), seen: space.seen(),
    body: { member: { id, boxKey: hex(identity.boxPublicKey), device: hex(dlog.key), pseudonym: 'Ash' }, role: 'member' },
  })
  const epochKey = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
  const doc = new Y.Doc()
  const log: ReadLog = { key: hex(dlog.key), get length() { return dlog.length }, get: (i) => dlog.get(i) }
  const post = async (text: string): Promise<void> => {
    const updates: Uint8Array[] = []
    const capture = (u: Uint8Array): void => void updates.push(u)
    doc.on('update', capture)
    new MemberDoc(doc, id).addPost({ topic: 'check-in', text, cw: null }, Date.now())
    doc.off('update', capture)
    await dlog.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: memberDocId(id), payload: Y.mergeUpdates(updates) }, epochKey))
  }
  return { dir, vault, reg, space, groupId, fellow: { log, post }, changes }
}

const texts = (space: GroupSpace): string[] =>
  feed({ me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }, { limit: 20 }).posts.map((p) => p.text).sort()

async function ownPost(space: GroupSpace, text: string): Promise<void> {
  await space.change(memberDocId(space.me), (doc) => void new MemberDoc(doc, space.me).addPost({ topic: 'check-in', text, cw: null }, Date.now()))
}

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
