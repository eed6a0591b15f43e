/**
 * A hostile member in its own process (threat 2): admitted by a real invite, online on the
 * loopback testnet, but instead of going through the service it builds blocks with the real
 * block codec and appends them to its own real device log — the only log it can sign. Each
 * block tries something an honest node refuses:
 *
 *   - a new post written into another member's doc (words in their name)
 *   - an edit and a delete of another member's existing post
 *   - a flag, a proposal and a vote written in another member's name
 *   - a moderation action ("hide") and a facilitation slot, though it is no facilitator
 *   - a post in its own doc that claims another member as its author
 *   - bytes that are no block at all
 * then one honest post (the sentinel: a peer that shows it has read every block before it).
 *
 * argv: profileDir host:port inviteCode victimId victimPostRef. Prints `forged <sentinelRef>`,
 * then waits for stdin to close.
 */
import * as Y from 'yjs'
import { randomBytes } from '../../../core/crypto/random.ts'
import { memberDocId, sharedDocId } from '../../../core/model/doc-id.ts'
import { propose, proposalHash } from '../../../core/model/decisions.ts'
import { setFlag } from '../../../core/model/flags.ts'
import { MemberDoc, parseRef } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { ScheduleDoc } from '../../../core/model/schedule-doc.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { endOnStdinClose, joinAsHostile } from './hostile-join.ts'

const [profileDir, bootstrap, code, victim, victimPost] = process.argv.slice(2) as [string, string, string, string, string]
const { vault, reg, groupId, space } = await joinAsHostile(profileDir, bootstrap, code, 'hostile member passphrase', 'Mallory')
const me = space.me

// Wait until the victim's post has reached us: the edit and delete must build on its real state.
const postId = (parseRef(victimPost) as { itemId: string }).itemId
for (let i = 0; i < 300 && !space.docs.memberDoc(victim).item(postId); i++) await new Promise((r) => setTimeout(r, 100))
if (!space.docs.memberDoc(victim).item(postId)) throw new Error('the victim’s post never arrived')

/** The update `fn` makes to a copy of the doc as we hold it: exactly what a forger would send. */
function forge(docId: string, fn: (doc: Y.Doc) => void): [string, Uint8Array] {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(space.docs.doc(docId)))
  const before = Y.encodeStateVector(copy)
  fn(copy)
  return [docId, Y.encodeStateAsUpdate(copy, before)]
}

const now = Date.now()
const victimDoc = memberDocId(victim)
// An honest proposal of Mallory's own, for the forged vote to be cast on.
const closesAt = now + 3_600_000
let proposal = ''
await space.change(memberDocId(me), (d) => {
  proposal = propose(new MemberDoc(d, me), { text: 'Mallory asks', options: ['yes', 'no'], closesAt }, now)
})
const forged: [string, Uint8Array][] = [
  forge(victimDoc, (d) => void new MemberDoc(d, victim).addPost({ topic: 'check-in', text: 'FORGED words in the victim’s name', cw: null }, now)),
  forge(victimDoc, (d) => new MemberDoc(d, victim).edit(victimPost, { text: 'FORGED edit of the victim’s post' }, now)),
  forge(victimDoc, (d) => new MemberDoc(d, victim).remove(victimPost, now)),
  forge(victimDoc, (d) => setFlag(new MemberDoc(d, victim), victimPost, { reason: 'other', rules: null }, now)),
  forge(victimDoc, (d) => void propose(new MemberDoc(d, victim), { text: 'FORGED proposal in the victim’s name', options: ['a', 'b'], closesAt }, now)),
  forge(victimDoc, (d) => d.getMap('votes').set(proposal, { option: 0, proposal: proposalHash({ text: 'Mallory asks', options: ['yes', 'no'], closesAt }), at: now })),
  forge(sharedDocId('moderation'), (d) => new ModerationDoc(d).add({
    item: victimPost, action: 'hide', reason: 'other', rules: null, note: 'FORGED hide', covers: [], seen: null, by: victim, at: now,
  })),
  forge(sharedDocId('schedule'), (d) => void new ScheduleDoc(d).add({ member: me, from: now, to: now + 3_600_000 }, victim, now)),
  forge(memberDocId(me), (d) => {
    const item = new Y.Map<unknown>()
    d.getMap('posts').set(Buffer.from(randomBytes(8)).toString('hex'), item)
    for (const [k, v] of Object.entries({ topic: 'check-in', text: 'CLAIMED to be written by the victim', cw: null, createdAt: now, author: victim, authorName: 'Alder' })) item.set(k, v)
  }),
]
const key = vault.get(`group/${groupId}/epoch/0`) as Uint8Array
for (const [docId, payload] of forged) await space.own.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload }, key))
await space.own.append(Uint8Array.from([1, 0, 0, 0, 0, ...randomBytes(80)]))

let sentinel = ''
await space.change(memberDocId(me), (d) => {
  sentinel = new MemberDoc(d, me).addPost({ topic: 'check-in', text: 'an honest post after the forgeries', cw: null }, Date.now())
})
process.stdout.write(`forged ${sentinel}\n`)

endOnStdinClose(reg, vault, 240_000)
