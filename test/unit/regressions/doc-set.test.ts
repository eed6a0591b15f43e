import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DocSet } from '../../../core/group/doc-set.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import type { WriteAuthority } from '../../../core/model/write-rule.ts'

const alice = 'a'.repeat(64)
const log = 'b'.repeat(64)
const auth: WriteAuthority = { knowsLog: () => true, memberForBlock: () => alice, roleForBlock: () => 'member', writersOf: () => [] }

describe('DocSet partial apply', () => {
  it('an update recorded as "not a valid update" leaves no trace in the doc', () => {
    const d = new Y.Doc()
    new MemberDoc(d, alice).addPost({ topic: 'story', text: 'half-applied', cw: null }, 1)
    const update = Y.encodeStateAsUpdate(d)
    const truncated = update.slice(0, -1) // structs intact, delete set cut short
    const set = new DocSet()
    expect(set.applyBlock(auth, log, 0, `member/${alice}`, truncated)).toBeNull()
    expect(set.rejected.map((r) => r.reason)).toEqual(['not a valid update'])
    expect(set.memberDoc(alice).posts.size).toBe(0)
  })
})
