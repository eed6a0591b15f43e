/**
 * A large group on disk for benchmarks: `membersCount` members, each writing to their own device
 * log (as replication would leave them), `updates` Yjs updates in all — 60 % posts, 30 % replies,
 * 10 % reactions — admitted by the creator through governance. Deterministic content (seed 7).
 * Each member also writes shared checkpoints of their member doc and tail indexes when the app
 * would (core/group/shared-checkpoint.ts, tail-index.ts), so a newcomer can sync the group as it
 * would in use.
 */
import * as Y from 'yjs'
import { generateIdentity } from '../../core/crypto/identity.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import { memberDocId } from '../../core/model/doc-id.ts'
import { MemberDoc, type Ref } from '../../core/model/member-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../core/store/block-codec.ts'
import { encodeCheckpointParts, sharedCheckpointDue } from '../../core/group/shared-checkpoint.ts'
import { TailIndexWriter } from '../../core/group/tail-index-writer.ts'
import { flagsIn } from '../../core/model/flags.ts'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import type { Readable } from '../../core/group/log-window.ts'
import { Vault } from '../../core/store/vault.ts'
import { seededRandom } from '../../test/helpers/seeded-random.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export async function buildBigGroup(dir: string, passphrase: string, updates: number, membersCount: number): Promise<{ groupId: string; bytes: number }> {
  const vault = new Vault(dir)
  await vault.create(passphrase)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const built = await addBigGroup(reg, vault, updates, membersCount)
  await reg.lockNow()
  vault.lock()
  return built
}

/**
 * The same group added to an unlocked profile. `tag` keeps the members' log names apart when a
 * profile holds several (the first group's are `m-bench-<n>`, open-anchor.ts reads them so).
 */
export async function addBigGroup(reg: GroupRegistry, vault: Vault, updates: number, membersCount: number, tag = ''): Promise<{ groupId: string; bytes: number }> {
  const creator = await reg.create({ name: 'Bench group', mode: 'survivor-led', pseudonym: 'member-0' })
  const groupId = creator.governance.groupId
  const epochKey = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
  const rnd = seededRandom(7)

  // The other members each write to a log of their own in this store, as replication would leave them.
  type Member = { id: string; doc: Y.Doc; log: Readable & { length: number }; append: (b: Uint8Array) => Promise<number>; uncovered: number[]; last?: number; index: TailIndexWriter }
  const members: Member[] = [
    { id: creator.me, doc: new Y.Doc(), log: creator.own, append: (b) => creator.own.append(b), uncovered: [], index: new TailIndexWriter() },
  ]
  for (let i = 1; i < membersCount; i++) {
    const identity = generateIdentity()
    const log = await reg.store.openDeviceLog(`m-bench-${tag}${i}`)
    const id = hex(identity.signPublicKey)
    await creator.writeGovernance({
      v: 1, kind: 'member.admit', group: groupId, author: creator.me, at: Date.now(), seen: {},
      body: { member: { id, boxKey: hex(identity.boxPublicKey), device: hex(log.key), pseudonym: `member-${i}` }, role: 'member' },
    })
    members.push({ id, doc: new Y.Doc(), log, append: (b) => log.append(b), uncovered: [], index: new TailIndexWriter() })
  }
  // The creator's log so far: genesis, its profile and the admissions; only the profile is its member doc.
  const creatorDoc = memberDocId(creator.me)
  for (let i = 0; i < creator.own.length; i++) {
    const b = decodeBlock(await creator.own.get(i) as Uint8Array, () => epochKey)
    if (b.docId === creatorDoc) Y.applyUpdate((members[0] as { doc: Y.Doc }).doc, b.payload)
    else members[0]?.uncovered.push(i)
  }

  const posts: Ref[] = []
  let bytes = 0
  let checkpoints = 0
  let indexes = 0
  const perMember = Math.ceil(updates / members.length)
  const t0 = performance.now()
  await Promise.all(members.map(async (m) => {
    const md = new MemberDoc(m.doc, m.id)
    for (let n = 0; n < perMember; n++) {
      const updates: Uint8Array[] = []
      const capture = (u: Uint8Array): void => void updates.push(u)
      m.doc.on('update', capture)
      const roll = rnd.next()
      const at = 1_700_000_000_000 + n * 1000 + rnd.int(0, 999)
      if (roll < 0.6 || posts.length < 10) posts.push(md.addPost({ topic: 'check-in', text: `post ${n} by ${m.id.slice(0, 6)}: ${'words '.repeat(rnd.int(5, 40))}`, cw: roll < 0.1 ? 'a hard day' : null }, at))
      else if (roll < 0.9) { const to = rnd.pick(posts); md.addReply({ post: to, parent: to, text: `reply ${n}` }, at) }
      else md.react(rnd.pick(posts), 'believe', true, at)
      m.doc.off('update', capture)
      const block = encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: memberDocId(m.id), payload: Y.mergeUpdates(updates) }, epochKey)
      bytes += block.length
      let length = (await m.append(block)) + 1
      if (sharedCheckpointDue(length, m.last ?? null)) {
        const docId = memberDocId(m.id)
        const start = length
        for (const payload of encodeCheckpointParts(docId, start, m.uncovered, Y.encodeStateAsUpdate(m.doc))) {
          const part = encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId, payload }, epochKey)
          bytes += part.length
          length = (await m.append(part)) + 1
        }
        m.last = start
        checkpoints++
      }
      // A tail index when the app's writer would write one (group-space.ts, indexTailIfDue).
      const index = m.last === undefined ? null : await m.index.due(m.log, m.last, memberDocId(m.id), (raw) => decodeBlock(raw, () => epochKey, fastProvider), () => flagsIn(new MemberDoc(m.doc, m.id)))
      if (index) {
        const block = encodeBlock({ epoch: 0, kind: BlockKind.TailIndex, docId: memberDocId(m.id), payload: index }, epochKey)
        bytes += block.length
        await m.append(block)
        indexes++
      }
    }
  }))
  console.log(`built ${perMember * members.length} updates by ${membersCount} members in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB of blocks, ${checkpoints} shared checkpoints, ${indexes} tail indexes)`)
  return { groupId, bytes }
}
