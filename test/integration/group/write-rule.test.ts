/**
 * The write rule against a second identity's real device log (threat 2): someone who holds the
 * group's epoch key but is not admitted — or is admitted but writes where they may not — builds
 * blocks in their own Corestore log. Fed to the group, none of them reaches a doc or a view.
 * Also proves that reopening a group reads only the tail after its checkpoint.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { generateIdentity } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { CHECKPOINT_EVERY, GroupRegistry } from '../../../core/group/group-registry.ts'
import { memberDocId, personalDocId, sharedDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { feed, type ViewSource } from '../../../core/model/views.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { checkpointPath } from '../../../core/store/checkpoint-file.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

async function openGroup(dir: string): Promise<{ vault: Vault; reg: GroupRegistry }> {
  const vault = new Vault(dir)
  if (await vault.exists()) await vault.unlock(PASS)
  else await vault.create(PASS)
  return { vault, reg: await GroupRegistry.open(vault, () => undefined, Date.now) }
}

function view(space: GroupSpace): ViewSource {
  return { me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }
}

/** A Yjs update that writes through `fn` into a fresh doc: what a forger would craft. */
function craft(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  fn(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('write rule with a real second log', () => {
  it('applies nothing a non-member or a wrong writer sends', async () => {
    const { vault, reg } = await openGroup(path.join(tempDir(), 'a'))
    const space = await reg.create({ name: 'Circle', mode: 'survivor-led', pseudonym: 'Alder' })
    const groupId = space.governance.groupId
    await space.change(memberDocId(space.me), (d) => new MemberDoc(d, space.me).addPost({ topic: 'story', text: 'mine', cw: null }, 1))
    const before = feed(view(space), { limit: 50 })

    const epochKey = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
    const intruder = generateIdentity()
    const intruderId = hex(intruder.signPublicKey)
    const storeB = await LogStore.open(path.join(tempDir(), 'b'), randomBytes(32))
    const logB = await storeB.openDeviceLog('m-intruder')
    const forged: [string, Uint8Array][] = [
      [memberDocId(space.me), craft((d) => new MemberDoc(d, space.me).addPost({ topic: 'story', text: 'FORGED in your name', cw: null }, 2))],
      [sharedDocId('rules'), craft((d) => new RulesDoc(d).set('FORGED rules', intruderId, 3))],
      [personalDocId('safety-plan'), craft((d) => d.getMap('content').set('text', 'FORGED plan'))],
      [memberDocId(intruderId), craft((d) => new MemberDoc(d, intruderId).addPost({ topic: 'story', text: 'words of their own', cw: null }, 4))],
    ]
    for (const [docId, update] of forged) await logB.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload: update }, epochKey))
    await logB.append(Uint8Array.from([1, 0, 0, 0, 0, ...randomBytes(60)]))
    await space.catchUp({ key: hex(logB.key), length: logB.length, get: (i) => logB.get(i) })

    expect(feed(view(space), { limit: 50 })).toEqual(before)
    expect(space.docs.rules().current()).toBeNull()
    // Garbage is refused outright; the rest waits, because an unknown log may be a newcomer
    // whose admission has not arrived yet.
    expect(space.governance.knowsLog(hex(logB.key))).toBe(false)
    expect(space.docs.rejected.filter((r) => r.logKey === hex(logB.key))).toHaveLength(1)

    // Admitted as a plain member, only their own doc is accepted: forging stays refused.
    await space.writeGovernance({
      v: 1, kind: 'member.admit', group: groupId, author: space.me, at: 5, seen: {},
      body: { member: { id: intruderId, boxKey: hex(intruder.boxPublicKey), device: hex(logB.key), pseudonym: 'Newcomer' }, role: 'member' },
    })
    const after = feed(view(space), { limit: 50 })
    expect(after.posts.map((p) => p.text).sort()).toEqual(['mine', 'words of their own'])
    expect(after.posts.find((p) => p.text === 'mine')).toEqual(before.posts[0])
    expect(space.docs.rules().current()).toBeNull()
    const reasons = space.docs.rejected.filter((r) => r.logKey === hex(logB.key)).map((r) => `${r.docId}: ${r.reason}`)
    expect(reasons).toEqual([
      ': BLOCK_MALFORMED',
      `${memberDocId(space.me)}: another member's document`,
      `${sharedDocId('rules')}: role may not write this document`,
      `${personalDocId('safety-plan')}: personal documents are never replicated`,
    ])
    const mineState = Y.decodeUpdate(space.docs.snapshot().get(memberDocId(space.me)) as Uint8Array)
    expect(JSON.stringify(mineState)).not.toContain('FORGED')

    await storeB.close()
    await reg.lockNow()
    vault.lock()
  })
})

describe('checkpoints', () => {
  it('reopening reads only the tail after the checkpoint, and everything without one', async () => {
    const dir = path.join(tempDir(), 'a')
    const first = await openGroup(dir)
    const space = await first.reg.create({ name: 'Big', mode: 'survivor-led', pseudonym: 'Elm' })
    const groupId = space.governance.groupId
    for (let i = 0; i < CHECKPOINT_EVERY + 10; i++) {
      await space.change(memberDocId(space.me), (d) => new MemberDoc(d, space.me).addPost({ topic: 'story', text: `p${i}`, cw: null }, i))
    }
    const expected = feed(view(space), { limit: 5 })
    await first.reg.lockNow()
    first.vault.lock()

    const second = await openGroup(dir)
    const reopened = await second.reg.space(groupId)
    expect(reopened.blocksRead).toBeLessThan(50)
    expect(feed(view(reopened), { limit: 5 })).toEqual(expected)
    await second.reg.lockNow()
    second.vault.lock()

    rmSync(checkpointPath(dir, groupId))
    const third = await openGroup(dir)
    const full = await third.reg.space(groupId)
    expect(full.blocksRead).toBeGreaterThanOrEqual(CHECKPOINT_EVERY + 12)
    expect(feed(view(full), { limit: 5 })).toEqual(expected)
    await third.reg.lockNow()
    third.vault.lock()
  })
})
