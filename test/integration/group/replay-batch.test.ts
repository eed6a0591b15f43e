/**
 * The full replay reads each window of a log in one storage batch (core/store/block-batch.ts),
 * on a real Corestore in a temp folder. A batch must give exactly what one `get` per block gives:
 * every block, in order, none skipped; a block in the middle of a window that does not open is
 * recorded as rejected with its code, as before, and the blocks after it still arrive.
 */
import { rmSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { READ_WINDOW } from '../../../core/group/log-window.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { checkpointPath } from '../../../core/store/checkpoint-file.ts'
import { firstScreenPath } from '../../../core/store/first-screen-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { fellowGroup, PASS } from '../../helpers/fellow-group.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const POSTS = 2 * READ_WINDOW + 30

describe('a full replay read in storage batches', () => {
  it('reads every block in order, and reports blocks that do not open in the middle of a window', async () => {
    const s = await fellowGroup(tempDir())
    const dlog = await s.reg.store.openDeviceLog('m-fellow')
    const key = (s.vault.get(`group/${s.groupId}/epoch/0`) as Uint8Array).slice()
    // Each post from a doc of its own (its own Yjs client), so a lost block holds no later one back.
    const sealed = (text: string, k: Uint8Array): Uint8Array => {
      const doc = new Y.Doc()
      new MemberDoc(doc, s.fellow.id).addPost({ topic: 'check-in', text, cw: null }, 1_000)
      return encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: memberDocId(s.fellow.id), payload: Y.encodeStateAsUpdate(doc) }, k)
    }
    // Two bad blocks inside the second window: one sealed under another key, one altered.
    const wrongKey = 2 * READ_WINDOW - 50
    const altered = 2 * READ_WINDOW - 20
    const good: string[] = []
    for (let i = 0; i < POSTS; i++) {
      const text = `post ${i}`
      let block = sealed(text, i === wrongKey ? new Uint8Array(32).fill(7) : key)
      if (i === altered) {
        block = block.slice()
        block[block.length - 1] = (block[block.length - 1] as number) ^ 1
      }
      if (i !== wrongKey && i !== altered) good.push(text)
      expect(await dlog.append(block)).toBe(i)
    }
    // The batch reads the same bytes as one get per block.
    const all = Array.from({ length: POSTS }, (_, i) => i)
    const batch = await dlog.getMany(all)
    for (const i of all) expect(Buffer.from(batch[i] as Uint8Array).equals(Buffer.from(await dlog.get(i)))).toBe(true)
    // A block past the end is refused, as `get` refuses it.
    await expect(dlog.getMany([0, POSTS])).rejects.toMatchObject({ code: 'INVALID_INPUT' })

    // A fellow's log this store does not hold reads as null, as `get` without waiting does.
    const unknown = await s.reg.store.openPeerLog(new Uint8Array(32).fill(3))
    expect(await unknown.getMany?.([0, 1])).toEqual([null, null])

    // Unlock again with no local checkpoint: the open replays every log from its first block.
    await s.reg.lockNow()
    rmSync(checkpointPath(s.dir, s.groupId), { force: true })
    rmSync(firstScreenPath(s.dir, s.groupId), { force: true })
    const vault = new Vault(s.dir)
    await vault.unlock(PASS)
    const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
    try {
      const space = await reg.space(s.groupId)
      const posts = [...new MemberDoc(space.docs.doc(memberDocId(s.fellow.id)), s.fellow.id).posts.values()].map((p) => p.get('text'))
      expect(posts.sort()).toEqual([...good].sort())
      const fellowLog = Buffer.from(dlog.key).toString('hex')
      const rejected = space.docs.rejected.filter((r) => r.logKey === fellowLog).map((r) => [r.index, r.reason])
      expect(rejected).toEqual([[wrongKey, 'BLOCK_MALFORMED'], [altered, 'BLOCK_MALFORMED']])
      expect(space.next.get(fellowLog)).toBe(POSTS)
    } finally {
      await reg.lockNow()
    }
  })
})
