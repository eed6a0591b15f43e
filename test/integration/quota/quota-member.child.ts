/**
 * A member writing past the group's byte budget, in its own process (issue 14). Admitted by a
 * real invite, it writes valid posts of about 2,000 characters straight into its own real device
 * log, past the check its own node would make (GroupSpace refuses with LOG_QUOTA_REACHED), until
 * the log holds `times` × Q bytes (Q: the test knob HEARTH_TEST_LOG_QUOTA_BYTES). Then it prints
 * `flooded <json>`: the quota end E read from its own signed tree, and the texts of the posts in
 * blocks before E, which every honest peer must show, and no other post of hers. It waits for
 * stdin to close.
 *
 * argv: profileDir host:port inviteCode times
 */
import * as Y from 'yjs'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { logQuota } from '../../../core/group/log-quota.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { endOnStdinClose, joinAsHostile } from '../moderation/hostile-join.ts'

const [profileDir, bootstrap, code, times] = process.argv.slice(2) as [string, string, string, string]
const { vault, reg, groupId, space } = await joinAsHostile(profileDir, bootstrap, code, 'quota member passphrase', 'Mallory')
const me = space.me
const docId = memberDocId(me)
const key = vault.get(`group/${groupId}/epoch/0`) as Uint8Array
const doc = new Y.Doc()
const written: { index: number; text: string }[] = []
const own = space.own as typeof space.own & { byteLength: number; quotaEnd(q: number): Promise<number | null> }
for (let i = 0; own.byteLength < Number(times) * logQuota(); i++) {
  const text = `mallory ${i} ${'words that fill the group’s disks '.repeat(60)}`
  let update: Uint8Array | null = null
  doc.once('update', (u: Uint8Array) => (update = u))
  new MemberDoc(doc, me).addPost({ topic: 'check-in', text, cw: null }, Date.now())
  const index = await own.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload: update as unknown as Uint8Array }, key))
  written.push({ index, text: `mallory ${i}` })
}
const end = (await own.quotaEnd(logQuota())) as number
const speaks = written.filter((w) => w.index < end).map((w) => w.text)
process.stdout.write(`flooded ${JSON.stringify({ end, speaks, written: written.length, bytes: own.byteLength })}\n`)

endOnStdinClose(reg, vault, 600_000)
