/**
 * The newest words first (core/group/tail-preview.ts): a newcomer reading a log from its shared
 * checkpoint shows the tail's newest posts before the checkpoint's later parts are here, and
 * shows no post a full read would not show — a post a facilitator hid in the tail stays hidden,
 * an old post deleted or edited in the tail does not come back half-known, a tail that would not
 * pass the write rule shows nothing. Once the parts arrive, the feed is the full read's, exactly.
 * Real GroupSpaces and real sealed blocks; the log is held sparsely as a newcomer's store holds it.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { GroupSpace, ReadLog } from '../../../core/group/group-space.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { gcRange } from '../../../core/group/tail-preview.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { makeRef, MemberDoc } from '../../../core/model/member-doc.ts'
import { hex, idOf, MemLog } from './support.ts'
import { bobsSpace, checkpointAt, groupWithTail, hiddenWhileWaiting, nobody, reader, readSparsely, rnd, sparse, tailHeld, twoPastCheckpoints } from './tail-fixture.ts'

const texts = (s: GroupSpace, limit = 20): string[] => readerFeed(s, nobody, { limit }).posts.map((p) => p.text)

describe('the newest words first', () => {
  it('shows the tail’s newest posts before the checkpoint’s parts, hides what a full read hides, then becomes the full read', async () => {
    const { g, start, parts, listed, hidden } = await groupWithTail()
    // Part 0 is small: the state's bulk is in the parts after it.
    expect(parts).toBeGreaterThan(1)
    const whole = reader(g)
    await whole.catchUp(g.log)
    const full = texts(whole)
    expect(full).not.toContain('hidden by a facilitator')

    let partsHere = false
    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed }, (i) => tailHeld({ start, parts, listed })(i) || partsHere)
    expect(n.planOf(g.log.key)).toBe(start)
    const first = readerFeed(n, nobody, { limit: 20 })
    expect(first.preview).toBe(true)
    // The feed shows it (reader-source.ts, PREVIEW_SHOWN).
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual(first)
    expect(first.next).toBeNull()
    // The newest page, as the full read has it (the hidden post left out by the same filter).
    expect(first.posts.map((p) => p.text)).toEqual(full)
    expect(first.posts.map((p) => p.id)).not.toContain(hidden)
    // Every post it shows, a full read shows; nothing the checkpoint holds (the edited one, the
    // deleted one); what the tail holds, newer than its oldest dated item, is all there.
    const all = texts(n, 1000)
    const fullAll = texts(whole, 2000)
    expect(all.every((t) => fullAll.includes(t))).toBe(true)
    expect(all).not.toContain('an old post edited in the tail')
    expect(all).not.toContain('old 0')
    expect(all).not.toContain('old 1')
    expect(all.filter((t) => t.startsWith('new ')).length).toBe(30)

    partsHere = true
    await n.catchUp(g.log)
    expect(n.planOf(g.log.key)).toBeUndefined()
    const after = readerFeed(n, nobody, { limit: 20 })
    expect(after.preview).toBeUndefined()
    expect(after.posts.map((p) => p.text)).toEqual(full)
    expect(texts(n, 2000)).toEqual(texts(whole, 2000))
    expect(texts(n, 2000)).toContain('an old post edited in the tail')
  })

  it('shows nothing while a tail block is missing: a removal there could not be seen', async () => {
    const { g, start, parts, listed } = await groupWithTail()
    const n = reader(g)
    // The last block (the facilitator's hide) is not here yet.
    const last = g.log.length - 1
    await readSparsely(n, g.log, { start, parts, listed }, (i) => tailHeld({ start, parts, listed })(i) && i !== last)
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
  })

  it('a tail the write rule refuses shows nothing: Fay’s words carried in Bob’s log', async () => {
    const { g, start, parts, listed, bobLog } = await groupWithTail()
    const n = reader(g)
    // Bob's node copies Fay's log into his own: governance knows his log, but it may not write her doc.
    const copy = new MemLog(bobLog)
    copy.blocks.push(...g.log.blocks)
    // Governance from Fay's log (genesis and Bob's admission), none of her words.
    await n.catchUp(sparse(g.log, (i) => i < 2))
    await readSparsely(n, copy, { start, parts, listed })
    expect(n.governance.knowsLog(copy.key)).toBe(true)
    expect(n.planOf(copy.key)).toBe(start)
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
  })

  it('the line: a page shows nothing older than what a log still waiting for its checkpoint may hold', async () => {
    const { g, start, parts, listed, bob, bobStart, whole } = await twoPastCheckpoints()
    const full = texts(whole, 200)
    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed })
    await readSparsely(n, bob, checkpointAt(g, bob, bobStart))
    const page = readerFeed(n, nobody, { limit: 200 })
    expect(page.preview).toBe(true)
    // Fay's tail is older than what Bob's checkpoint holds: none of it may show yet.
    expect(page.posts.length).toBeGreaterThan(0)
    expect(page.posts.map((p) => p.text)).toEqual(full.slice(0, page.posts.length))
  })

  it('no preview while a log read in order is only partly read: its newest posts belong above the line', async () => {
    const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
    // Bob's log has no checkpoint: a newcomer reads it from block 0, oldest words first.
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const bobDoc = memberDocId(idOf(bobId))
    for (let i = 0; i < 8; i++) await bobSpace.change(bobDoc, (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob ${i}`, cw: null }, 20_000 + i))
    await bobSpace.idle()
    const bob = bobSpace.own as MemLog
    const whole = reader(g)
    await whole.catchUp(g.log)
    await whole.catchUp(bob)
    const full = texts(whole, 200)
    expect(full[0]).toBe('bob 7')

    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed })
    // Bob's newest three blocks not here yet: his older posts are read, his newest are not.
    await n.catchUp(sparse(bob, (i) => i < bob.length - 3))
    // With the protection removed, this page was a preview that left Bob's newest posts out.
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    await n.catchUp(bob)
    const page = readerFeed(n, nobody, { limit: 20 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text)).toEqual(full.slice(0, page.posts.length))
    expect(page.posts.map((p) => p.text).slice(0, 8)).toEqual(full.slice(0, 8))
  })

  it('no preview while a block read waits in a catch-up’s batch; a run’s settle point puts it in the docs, batch open or not', async () => {
    const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const bobDoc = memberDocId(idOf(bobId))
    for (let i = 0; i < 8; i++) await bobSpace.change(bobDoc, (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob ${i}`, cw: null }, 20_000 + i))
    await bobSpace.idle()
    const bob = bobSpace.own as MemLog
    const whole = reader(g)
    await whole.catchUp(g.log)
    await whole.catchUp(bob)
    const full = texts(whole, 200)

    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed })
    // Another log's catch-up waits on storage with its batch open; Bob's log, but for its newest
    // block, is read inside that batch: his run ends in a settle point, which applies it.
    let release = (): void => undefined
    const storage = new Promise<void>((r) => (release = r))
    const slow: ReadLog = { key: hex(rnd.bytes(32)), length: 1, get: async () => (await storage, null) }
    const other = n.catchUp(slow)
    await n.catchUp(sparse(bob, (i) => i < bob.length - 1))
    expect(n.settled).toBe(true)
    const before = readerFeed(n, nobody, { limit: 20 })
    expect(before.preview).toBe(true)
    expect(before.posts.map((p) => p.text)).toEqual(full.slice(1, 1 + before.posts.length))
    // Bob's newest block counted as read in the open batch, its update not in the docs yet.
    n.ingest(bobLog, bob.length - 1, bob.blocks[bob.length - 1] as Uint8Array, true)
    expect(n.next.get(bobLog)).toBe(bob.length)
    expect(n.settled).toBe(false)
    // With the rule off: a preview without Bob's newest post.
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    release()
    await other
    const page = readerFeed(n, nobody, { limit: 20 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text).slice(0, 8)).toEqual(full.slice(0, 8))
    expect(page.posts.map((p) => p.text)).toEqual(full.slice(0, page.posts.length))
  })

  it('no preview while a rebuild runs: the docs shown are the state before it', async () => {
    const { g, start, parts, listed } = await groupWithTail()
    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed })
    expect(readerFeed(n, nobody, { limit: 20 }).posts.length).toBeGreaterThan(0)
    // What rebuildAside (group-space.ts) sets while the new state is built aside.
    n.local = []
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
  })

  it('no preview while a log whose checkpoint was just applied has not read its tail yet', async () => {
    const { g, start, parts, listed, bob, bobStart, whole } = await twoPastCheckpoints()
    const full = texts(whole, 200)

    const n = reader(g)
    await readSparsely(n, g.log, { start, parts, listed })
    // Bob's checkpoint whole and applied, his tail read in order only up to a block not here yet.
    n.planCheckpoint(bob.key, bobStart)
    await n.catchUp(sparse(bob, (i) => i < bob.length - 2))
    expect(n.planOf(bob.key)).toBeUndefined()
    // Before: Fay's preview was shown beside Bob's doc without his newest posts.
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    await n.catchUp(bob)
    const page = readerFeed(n, nobody, { limit: 200 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text)).toEqual(full.slice(0, page.posts.length))
  })

  it('nothing from the logs read so far while a log waits: a facilitator’s hide in its tail, not here yet, would be missed', async () => {
    const { n, whole, rest } = await hiddenWhileWaiting()
    expect(texts(whole, 200)).not.toContain('bob, hidden by Fay')
    // Before: the docs read so far made the page, and Bob's post showed, its hide not read yet.
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    await rest()
    expect(texts(n, 200)).not.toContain('bob, hidden by Fay')
  })

  it('GC padding lets a struct past a gap integrate, and nothing that depends on the gap', () => {
    const author = new Y.Doc()
    const posts = author.getMap<Y.Map<unknown>>('posts')
    const early = new Y.Map<unknown>()
    posts.set('a', early)
    early.set('text', 'early')
    const sv = Y.encodeStateVector(author)
    const later = new Y.Map<unknown>()
    author.transact(() => {
      posts.set('b', later)
      later.set('text', 'later')
      early.set('text', 'early, edited')
    })
    const tail = Y.encodeStateAsUpdate(author, sv)
    const preview = new Y.Doc()
    const from = Y.parseUpdateMeta(tail).from
    for (const [client, clock] of from) Y.applyUpdate(preview, gcRange(client, 0, clock))
    Y.applyUpdate(preview, tail)
    const seen = preview.getMap<Y.Map<unknown>>('posts')
    expect([...seen.keys()]).toEqual(['b'])
    expect(seen.get('b')?.get('text')).toBe('later')
    expect(makeRef('ab'.repeat(32), 'x')).toContain(':')
  })
})
