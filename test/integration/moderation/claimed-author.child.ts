/**
 * A hostile facilitator in its own process (issue 14, authorship from signatures): admitted by a
 * facilitator invite, it hides one of the victim's posts through the normal write path but with
 * the moderation action's `by` set to the victim (another facilitator), then appends a raw block
 * whose items carry the victim's own Yjs writer id, hiding a second post, then posts a sentinel.
 * Prints `claimed`.
 *
 * argv: profileDir host:port inviteCode victimId firstPostRef secondPostRef
 */
import * as Y from 'yjs'
import { memberDocId, sharedDocId } from '../../../core/model/doc-id.ts'
import { ModerationDoc, type ModerationAction } from '../../../core/model/moderation-doc.ts'
import { MemberDoc, parseRef } from '../../../core/model/member-doc.ts'
import { writerClientId } from '../../../core/model/shared-writers.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { endOnStdinClose, joinAsHostile } from './hostile-join.ts'

const [profileDir, bootstrap, code, victim, first, second] = process.argv.slice(2) as [string, string, string, string, string, string]
const { vault, reg, space } = await joinAsHostile(profileDir, bootstrap, code, 'hostile facilitator passphrase', 'Mallory')
for (let i = 0; i < 300 && !space.docs.memberDoc(victim).item((parseRef(second) as { itemId: string }).itemId); i++) await new Promise((r) => setTimeout(r, 100))

const MOD = sharedDocId('moderation')
const hide = (item: string): ModerationAction => ({ item, action: 'hide', reason: 'other', rules: null, note: 'CLAIMED', covers: [], seen: null, by: victim, at: Date.now() })
await space.change(MOD, (d) => new ModerationDoc(d).add(hide(first)))

const victimLog = [...(space.governance.members.get(victim)?.devices.keys() ?? [])][0] as string
const copy = new Y.Doc()
Y.applyUpdate(copy, Y.encodeStateAsUpdate(space.docs.doc(MOD)))
copy.clientID = writerClientId(victimLog)
const before = Y.encodeStateVector(copy)
new ModerationDoc(copy).add(hide(second))
const key = space.epochKey(space.currentEpoch)
await space.own.append(encodeBlock({ epoch: space.currentEpoch, kind: BlockKind.YjsUpdate, docId: MOD, payload: Y.encodeStateAsUpdate(copy, before) }, key))
// A sentinel after the forgery: a peer that shows it has read every block before it.
await space.change(memberDocId(space.me), (d) => void new MemberDoc(d, space.me).addPost({ topic: 'check-in', text: 'after the claims', cw: null }, Date.now()))
process.stdout.write('claimed\n')

endOnStdinClose(reg, vault, 240_000)
