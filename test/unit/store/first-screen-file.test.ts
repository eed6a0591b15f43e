/**
 * The kept first screen's file (core/store/first-screen-file.ts): version 2 carries the unread
 * counts and the last-read hash they were counted against; a version-1 file (written before) is
 * still read, without counts; a file under another key is refused.
 */
import { describe, expect, it } from 'vitest'
import type { UnreadView } from '../../../core/api.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { ByteWriter } from '../../../core/store/bytes.ts'
import { decodeFirstScreen, encodeFirstScreen, type KeptScreen } from '../../../core/store/first-screen-file.ts'
import { sealFile } from '../../../core/store/sealed-file.ts'

const LOG = 'ab'.repeat(32)
const views = { info: { name: 'Tuesday circle' }, members: [], feed: { posts: [], next: null } } as unknown as KeptScreen['views']
const unread = { groupId: 'g', lastReadAt: null, total: 3, sections: { conversations: 3 } } as unknown as UnreadView

describe('the first screen file', () => {
  it('keeps the counts and their last-read hash (v2)', () => {
    const key = randomBytes(32)
    const kept: KeptScreen = { logs: new Map([[LOG, { length: 7, fork: 0 }]]), mutes: randomBytes(32), views, counts: { view: unread, lastRead: randomBytes(32) } }
    const back = decodeFirstScreen(encodeFirstScreen(kept, key), key)
    expect(back).toEqual(kept)
    expect(() => decodeFirstScreen(encodeFirstScreen(kept, key), randomBytes(32))).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT' }))
  })

  it('still reads a version-1 file, which has no counts', () => {
    const key = randomBytes(32)
    const mutes = randomBytes(32)
    const plain = new ByteWriter().u32(1).hex32(LOG).u32(7).u32(0).raw(mutes).bytes32(new TextEncoder().encode(JSON.stringify(views))).done()
    const back = decodeFirstScreen(sealFile(new TextEncoder().encode('HEARTHFS'), 1, plain, key), key)
    expect(back).toEqual({ logs: new Map([[LOG, { length: 7, fork: 0 }]]), mutes, views })
    expect(back.counts).toBeUndefined()
  })
})
