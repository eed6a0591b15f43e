/**
 * A real profile on disk (vault, log store, registry) holding one group with a fellow member
 * whose device log sits in the same store, as replication leaves it: for tests of what a group
 * does with its docs and files (doc rest, the kept first screen). No network.
 */
import * as Y from 'yjs'
import { generateIdentity } from '../../core/crypto/identity.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import type { GroupSpace, ReadLog } from '../../core/group/group-space.ts'
import { memberDocId } from '../../core/model/doc-id.ts'
import { MemberDoc } from '../../core/model/member-doc.ts'
import { feed } from '../../core/model/views.ts'
import { BlockKind, encodeBlock } from '../../core/store/block-codec.ts'
import { Vault } from '../../core/store/vault.ts'

export const PASS = 'correct horse battery staple'
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export interface FellowGroup {
  dir: string
  vault: Vault
  reg: GroupRegistry
  space: GroupSpace
  groupId: string
  /** A fellow member whose device log sits in this store, as replication leaves it. */
  fellow: { id: string; log: ReadLog; post: (text: string) => Promise<void> }
  changes: string[]
}

export async function fellowGroup(dir: string): Promise<FellowGroup> {
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
  return { dir, vault, reg, space, groupId, fellow: { id, log, post }, changes }
}

/** The texts of the newest 20 posts, sorted. */
export const texts = (space: GroupSpace): string[] =>
  feed({ me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }, { limit: 20 }).posts.map((p) => p.text).sort()

export async function ownPost(space: GroupSpace, text: string): Promise<void> {
  await space.change(memberDocId(space.me), (doc) => void new MemberDoc(doc, space.me).addPost({ topic: 'check-in', text, cw: null }, Date.now()))
}
