/**
 * A flooding member in its own process (issue 14): admitted by a real invite, it appends to its
 * own real device log, as fast as Hypercore takes them, `small` valid posts (one block each) and
 * then `large` blocks at the size limit whose contents are no valid update, then one sentinel
 * post. Prints `flooded <n>` when every block is appended, then waits for stdin to close.
 *
 * argv: profileDir host:port inviteCode small large
 */
import * as Y from 'yjs'
import { randomBytes } from '../../../core/crypto/random.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, encodeBlock, maxPayloadBytes } from '../../../core/store/block-codec.ts'
import { endOnStdinClose, joinAsHostile } from '../moderation/hostile-join.ts'

const [profileDir, bootstrap, code, small, large] = process.argv.slice(2) as [string, string, string, string, string]
const { vault, reg, groupId, space } = await joinAsHostile(profileDir, bootstrap, code, 'flooding member passphrase', 'Flood')
const me = space.me
const docId = memberDocId(me)
const key = vault.get(`group/${groupId}/epoch/0`) as Uint8Array
const seal = (payload: Uint8Array): Uint8Array => encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload }, key)

// Small blocks: one post each, from one doc, as a chatty client would write them.
const doc = new Y.Doc()
const updates: Uint8Array[] = []
doc.on('update', (u: Uint8Array) => updates.push(u))
let sent = 0
const CHUNK = 1_000
for (let done = 0; done < Number(small); done += CHUNK) {
  for (let i = done; i < Math.min(done + CHUNK, Number(small)); i++) new MemberDoc(doc, me).addPost({ topic: 'check-in', text: `flood ${i}`, cw: null }, Date.now())
  await Promise.all(updates.splice(0).map((u) => space.own.append(seal(u))))
  sent = done + CHUNK
}
// Blocks at the size limit, refused by every reader (not a valid update): memory only in passing.
const room = maxPayloadBytes(docId)
for (let i = 0; i < Number(large); i += 8) await Promise.all(Array.from({ length: Math.min(8, Number(large) - i) }, () => space.own.append(seal(randomBytes(room)))))
await space.change(docId, (d) => void new MemberDoc(d, me).addPost({ topic: 'check-in', text: 'sentinel after the flood', cw: null }, Date.now()))
process.stdout.write(`flooded ${sent}\n`)

endOnStdinClose(reg, vault, 1_200_000)
