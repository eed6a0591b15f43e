/**
 * DocSet is the only door into the group's Y.Docs: nothing refused may touch a doc, unknown logs
 * wait instead of being refused, and every refusal is recorded with its reason.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DocSet } from '../../../core/group/doc-set.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import type { WriteAuthority } from '../../../core/model/write-rule.ts'
import { writerClientId } from '../../../core/model/shared-writers.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex, updateOn } from './support.ts'

const rnd = seededRandom(testSeed())
const [alice, bob] = [hex(rnd.bytes(32)), hex(rnd.bytes(32))]
const [aliceLog, bobLog] = [hex(rnd.bytes(32)), hex(rnd.bytes(32))]

/** Alice's log is always known; Bob's becomes known (from `bobFrom`) when the test says so. */
function authority(): WriteAuthority & { admitBob(from: number): void } {
  let bobFrom: number | null = null
  const member = (log: string, i: number): string | undefined =>
    log === aliceLog ? alice : log === bobLog && bobFrom !== null && i >= bobFrom ? bob : undefined
  return {
    knowsLog: (log) => log === aliceLog || (log === bobLog && bobFrom !== null),
    memberForBlock: member,
    roleForBlock: (log, i) => (member(log, i) === alice ? 'facilitator' : member(log, i) ? 'member' : undefined),
    writersOf: () => ['facilitator'],
    admitBob: (from) => { bobFrom = from },
  }
}

const post = (author: string, text: string): Uint8Array =>
  updateOn(null, (d) => new MemberDoc(d, author).addPost({ topic: 'story', text, cw: null }, 1))
const texts = (set: DocSet, author: string): string[] =>
  [...set.memberDoc(author).posts.values()].map((m) => m.get('text') as string)

describe('DocSet.applyBlock', () => {
  it('applies an allowed update and says which doc changed', () => {
    const set = new DocSet()
    expect(set.applyBlock(authority(), aliceLog, 0, `member/${alice}`, post(alice, 'hello'))).toBe(`member/${alice}`)
    expect(texts(set, alice)).toEqual(['hello'])
    expect(set.rejected).toEqual([])
  })

  it('records a refusal from a known log and never creates or touches the doc', () => {
    const set = new DocSet()
    const auth = authority()
    set.applyBlock(auth, aliceLog, 0, `member/${alice}`, post(alice, 'mine'))
    const before = Y.encodeStateAsUpdate(set.doc(`member/${alice}`))
    expect(set.applyBlock(auth, aliceLog, 1, `member/${bob}`, post(bob, 'forged'))).toBeNull()
    expect(set.applyBlock(auth, aliceLog, 2, 'personal/journal', post(alice, 'journal'))).toBeNull()
    expect(set.applyBlock(auth, aliceLog, 3, 'governance', post(alice, 'x'))).toBeNull()
    expect(set.rejected.map((r) => [r.index, r.docId])).toEqual([[1, `member/${bob}`], [2, 'personal/journal'], [3, 'governance']])
    for (const r of set.rejected) expect(r.reason).toMatch(/\w/)
    expect([...set.memberDocs().keys()]).toEqual([alice])
    expect(set.snapshot().has('personal/journal')).toBe(false)
    expect(Y.encodeStateAsUpdate(set.doc(`member/${alice}`))).toEqual(before)
  })

  it('holds back blocks of an unknown log and applies the allowed ones once it is known', () => {
    const set = new DocSet()
    const auth = authority()
    expect(set.applyBlock(auth, bobLog, 0, `member/${bob}`, post(bob, 'early words'))).toBeNull()
    expect(set.applyBlock(auth, bobLog, 1, `member/${alice}`, post(alice, 'forged'))).toBeNull()
    expect(set.rejected).toEqual([])
    expect(set.memberDocs().has(bob)).toBe(false)
    expect(set.retryPending(auth)).toEqual([])
    auth.admitBob(0)
    expect(set.retryPending(auth)).toEqual([`member/${bob}`])
    expect(texts(set, bob)).toEqual(['early words'])
    expect(texts(set, alice)).toEqual([])
    expect(set.rejected.map((r) => r.docId)).toEqual([`member/${alice}`])
    expect(set.retryPending(auth)).toEqual([])
  })

  it('refuses held blocks that fall before the index a device speaks from', () => {
    const set = new DocSet()
    const auth = authority()
    set.applyBlock(auth, bobLog, 0, `member/${bob}`, post(bob, 'too early'))
    set.applyBlock(auth, bobLog, 1, `member/${bob}`, post(bob, 'in time'))
    auth.admitBob(1)
    set.retryPending(auth)
    expect(texts(set, bob)).toEqual(['in time'])
    expect(set.rejected.map((r) => r.index)).toEqual([0])
  })

  it('records an update Yjs cannot read, without throwing', () => {
    const set = new DocSet()
    for (let i = 0; i < 100; i++) {
      expect(() => set.applyBlock(authority(), aliceLog, i, `member/${alice}`, rnd.bytes(rnd.int(1, 64)))).not.toThrow()
    }
    expect(set.rejected.length).toBeGreaterThan(90)
    for (const r of set.rejected) expect(r.reason).toBe('not a valid update')
  })

  it('restores a snapshot into an equal set of docs', () => {
    const set = new DocSet()
    const auth = authority()
    set.applyBlock(auth, aliceLog, 0, `member/${alice}`, post(alice, 'hello'))
    // shared docs are written under the log's own writer id (core/model/shared-writers.ts)
    set.applyBlock(auth, aliceLog, 1, 'shared/rules', updateOn(null, (d) => {
      d.clientID = writerClientId(aliceLog)
      new RulesDoc(d).set('Be kind.', alice, 1)
    }))
    const copy = new DocSet()
    copy.restore(set.snapshot())
    expect(texts(copy, alice)).toEqual(['hello'])
    expect(copy.rules().current()?.text).toBe('Be kind.')
    set.destroy()
    expect(set.memberDocs().size).toBe(0)
  })
})

describe('DocSet.applyBlock for a shared checkpoint (the range it stands for)', () => {
  const docId = `member/${bob}`

  it('applies only if the log may write the doc at every index named, not just where it sits', () => {
    const auth = authority()
    auth.admitBob(5)
    const set = new DocSet()
    // Sits at 10, stands for blocks 0..10: Bob's log speaks for Bob only from 5.
    expect(set.applyBlock(auth, bobLog, 10, docId, post(bob, 'summary'), [0, 10])).toBeNull()
    expect(texts(set, bob)).toEqual([])
    expect(set.rejected.map((r) => r.index)).toEqual([10])
    // The same state as a plain update at 10 would have been allowed.
    expect(set.applyBlock(auth, bobLog, 10, docId, post(bob, 'plain'))).toBe(docId)
  })

  it('waits while the log is unknown, and is judged over the whole range once it is known', () => {
    for (const [from, expected] of [[0, ['summary']], [3, []]] as const) {
      const auth = authority()
      const set = new DocSet()
      expect(set.applyBlock(auth, bobLog, 10, docId, post(bob, 'summary'), [0, 10])).toBeNull()
      expect(set.firstPending(bobLog)).toBe(10)
      auth.admitBob(from)
      set.retryPending(auth)
      expect(texts(set, bob), `admitted from ${from}`).toEqual(expected)
    }
  })

  it('skips a checkpoint whose items are all here already, and applies one that carries more', () => {
    const auth = authority()
    auth.admitBob(0)
    const set = new DocSet()
    const doc = new Y.Doc()
    new MemberDoc(doc, bob).addPost({ topic: 'story', text: 'one', cw: null }, 1)
    const first = Y.encodeStateAsUpdate(doc)
    expect(set.applyBlock(auth, bobLog, 0, docId, first)).toBe(docId)
    const before = hex(Y.encodeStateAsUpdate(set.doc(docId)))
    expect(set.applyBlock(auth, bobLog, 1, docId, first, [0, 1])).toBe(docId)
    expect(hex(Y.encodeStateAsUpdate(set.doc(docId)))).toBe(before)
    new MemberDoc(doc, bob).addPost({ topic: 'story', text: 'two', cw: null }, 2)
    expect(set.applyBlock(auth, bobLog, 2, docId, Y.encodeStateAsUpdate(doc), [0, 2])).toBe(docId)
    expect(texts(set, bob).sort()).toEqual(['one', 'two'])
  })

  it('does not queue a covered block the doc holds whole, and queues and applies one it does not', async () => {
    const auth = authority()
    auth.admitBob(0)
    const set = new DocSet()
    const doc = new Y.Doc()
    const one = updateOn(null, (d) => new MemberDoc(d, bob).addPost({ topic: 'story', text: 'one', cw: null }, 1))
    Y.applyUpdate(doc, one)
    const two = updateOn(Y.encodeStateAsUpdate(doc), (d) => new MemberDoc(d, bob).addPost({ topic: 'story', text: 'two', cw: null }, 2))
    // The checkpoint holds `one` only: the block carrying it is held whole, the one carrying `two` is not.
    expect(set.applyBlock(auth, bobLog, 2, docId, Y.encodeStateAsUpdate(doc), [0, 2])).toBe(docId)
    const queued: boolean[] = []
    await set.batch(async () => {
      expect(set.applyBlock(auth, bobLog, 0, docId, one, undefined, true)).toBe(docId)
      queued.push(set.unapplied)
      expect(set.applyBlock(auth, bobLog, 1, docId, two, undefined, true)).toBe(docId)
      queued.push(set.unapplied)
    })
    // Queued, a held-whole block's bytes wait for the transaction (and V8 promotes them) for nothing.
    expect(queued).toEqual([false, true])
    expect(texts(set, bob).sort()).toEqual(['one', 'two'])
    expect(set.rejected).toEqual([])
  })
})
