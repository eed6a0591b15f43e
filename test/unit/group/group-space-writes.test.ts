/**
 * GroupSpace writing: one transaction becomes one block, `change` is acknowledged only once the
 * block is durable, typing is coalesced per doc, lock seals queued typing before wiping keys,
 * and a checkpoint restores to the same views.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { HearthError } from '../../../core/errors.ts'
import { COALESCE_MS, GroupSpace } from '../../../core/group/group-space.ts'
import { decodeCheckpoint, encodeCheckpoint } from '../../../core/store/checkpoint-file.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc, rulesHash } from '../../../core/model/rules-doc.ts'
import { feed, members, type ViewSource } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { foundGroup, hex, MemLog, type Founded } from './support.ts'

const rnd = seededRandom(testSeed())

function source(space: GroupSpace): ViewSource {
  return { me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }
}
const views = (space: GroupSpace): unknown => ({ feed: feed(source(space), { limit: 1000 }), members: members(source(space)), rules: space.docs.rules().current() })
const mine = (g: Founded, fn: (m: MemberDoc) => void) => (d: Y.Doc): void => fn(new MemberDoc(d, g.me))
const decoded = (g: Founded, i: number) => decodeBlock(g.log.blocks[i] as Uint8Array, (e) => (e === 0 ? g.epochKey : undefined))
const settle = (): Promise<void> => new Promise((r) => setImmediate(r))

/** The feed a peer gets from reading the log alone: what is durable, not what is in memory. */
async function durableTexts(g: Founded): Promise<string[]> {
  const peer = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identityFromSeed(rnd.bytes(32)), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
  await peer.catchUp(g.log)
  return feed({ ...source(peer), me: g.me }, { limit: 100 }).posts.map((p) => p.text)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('change', () => {
  it('writes genesis as block 0, then one block per change', async () => {
    const g = await foundGroup(rnd)
    expect(g.log.length).toBe(1)
    expect(decoded(g, 0)).toMatchObject({ kind: BlockKind.Governance, docId: 'governance' })
    expect(g.changed).toEqual([['governance']])
    await g.space.change(memberDocId(g.me), mine(g, (m) => {
      m.addPost({ topic: 'story', text: 'one', cw: null }, 1)
      m.setProfile({ pseudonym: 'Fay' }, 1)
    }))
    expect(g.log.length).toBe(2)
    expect(decoded(g, 1)).toMatchObject({ kind: BlockKind.YjsUpdate, docId: memberDocId(g.me) })
    expect(g.space.next.get(g.log.key)).toBe(2)
    expect(await durableTexts(g)).toEqual(['one'])
  })

  it('resolves only after the log says the block is durable', async () => {
    const g = await foundGroup(rnd)
    g.log.hold()
    let acknowledged = false
    const p = g.space.change(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: 'held', cw: null }, 1))).then(() => {
      acknowledged = true
    })
    for (let i = 0; i < 5; i++) await settle()
    expect(g.log.length).toBe(2)
    expect(acknowledged).toBe(false)
    g.log.release()
    await p
    expect(acknowledged).toBe(true)
  })

  it('appends nothing for a change that changes nothing', async () => {
    const g = await foundGroup(rnd)
    await g.space.change(memberDocId(g.me), () => undefined)
    expect(g.log.length).toBe(1)
  })

  it('refuses docs this member may not write, before touching them', async () => {
    const g = await foundGroup(rnd)
    const other = hex(rnd.bytes(32))
    for (const id of [memberDocId(other), 'personal/journal', 'shared/unknown', 'governance']) {
      await expect(g.space.change(id, (d) => d.getMap('m').set('a', 1))).rejects.toMatchObject({ code: 'NOT_ALLOWED' })
    }
    expect(g.space.docs.memberDocs().has(other)).toBe(false)
    expect(g.log.length).toBe(1)
  })

  it('keeps a thrown change out of the log', async () => {
    const g = await foundGroup(rnd)
    await expect(g.space.change(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: '', cw: null }, 1)))).rejects.toBeInstanceOf(HearthError)
    expect(g.log.length).toBe(1)
  })
})

describe('changeSoon (typing)', () => {
  it('coalesces calls to one doc within the window into exactly one block', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    let ref = ''
    await g.space.change(memberDocId(g.me), mine(g, (m) => { ref = m.addPost({ topic: 'story', text: 'd', cw: null }, 1) }))
    const start = g.log.length
    // Four keystrokes inside one window (the window opens at the first and is not pushed back).
    for (const text of ['dr', 'dra', 'draf', 'draft']) {
      g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.edit(ref, { text }, 2)))
      await vi.advanceTimersByTimeAsync(COALESCE_MS / 5)
    }
    expect(g.log.length).toBe(start)
    await vi.advanceTimersByTimeAsync(COALESCE_MS)
    await g.space.idle()
    expect(g.log.length).toBe(start + 1)
    expect(decoded(g, start).docId).toBe(memberDocId(g.me))
    expect(await durableTexts(g)).toEqual(['draft'])
    await vi.advanceTimersByTimeAsync(COALESCE_MS * 3)
    expect(g.log.length).toBe(start + 1)
  })

  it('writes one block per doc', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.setProfile({ pseudonym: 'F' }, 1)))
    g.space.changeSoon('shared/rules', (d) => new RulesDoc(d).set('Be kind.', g.me, 1))
    g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.setProfile({ pseudonym: 'Fay' }, 2)))
    await vi.advanceTimersByTimeAsync(COALESCE_MS)
    await g.space.idle()
    expect(g.log.blocks.slice(1).map((_, i) => decoded(g, i + 1).docId).sort()).toEqual([memberDocId(g.me), 'shared/rules'].sort())
  })

  it('folds queued typing into the block of a following change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: 'typed', cw: null }, 1)))
    await g.space.change(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: 'sent', cw: null }, 2)))
    expect(g.log.length).toBe(2)
    await vi.advanceTimersByTimeAsync(COALESCE_MS * 2)
    expect(g.log.length).toBe(2)
    expect(await durableTexts(g)).toEqual(['sent', 'typed'])
  })

  it('shows the change at once and tells the listener', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: 'now', cw: null }, 1)))
    expect(feed(source(g.space), { limit: 10 }).posts.map((p) => p.text)).toEqual(['now'])
    expect(g.changed.at(-1)).toEqual([memberDocId(g.me)])
    await g.space.flush()
    expect(g.log.length).toBe(2)
  })
})

describe('dropKeys (lock)', () => {
  it('seals queued typing before wiping, then refuses changes with PROFILE_LOCKED', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    g.space.changeSoon(memberDocId(g.me), mine(g, (m) => m.addPost({ topic: 'story', text: 'typed just before lock', cw: null }, 1)))
    expect(g.log.length).toBe(1)
    g.space.dropKeys()
    expect(g.creator.seed.every((b) => b === 0)).toBe(true)
    expect(g.creator.signSecretKey.every((b) => b === 0)).toBe(true)
    await g.space.idle()
    expect(g.log.length).toBe(2)
    expect(await durableTexts(g)).toEqual(['typed just before lock'])
    await expect(g.space.change(memberDocId(g.me), (d) => d.getMap('m').set('a', 1))).rejects.toMatchObject({ code: 'PROFILE_LOCKED' })
    expect(codeOf(() => g.space.me)).toBe('PROFILE_LOCKED')
    expect(codeOf(() => g.space.checkpoint())).toBe('PROFILE_LOCKED')
    await vi.advanceTimersByTimeAsync(COALESCE_MS * 2)
    expect(g.log.length).toBe(2)
    g.space.dropKeys()
  })

  it('does not throw on blocks that arrive after lock', async () => {
    const g = await foundGroup(rnd)
    const block = g.log.blocks[0] as Uint8Array
    g.space.dropKeys()
    expect(() => g.space.ingest(hex(rnd.bytes(32)), 0, block)).not.toThrow()
  })
})

describe('checkpoint and restore', () => {
  it('gives identical views on a fresh space with the same keys, and resumes where it stopped', async () => {
    const g = await foundGroup(rnd)
    let ref = ''
    await g.space.change(memberDocId(g.me), mine(g, (m) => {
      ref = m.addPost({ topic: 'story', text: 'before the checkpoint', cw: 'heavy' }, 5)
      m.addReply({ post: ref, parent: ref, text: 'reply' }, 6)
      m.react(ref, 'believe', true, 7)
      m.setProfile({ pseudonym: 'Fay', status: 'away' }, 8)
    }))
    await g.space.change('shared/rules', (d) => new RulesDoc(d).set('Be kind.', g.me, 9))
    await g.space.change(memberDocId(g.me), mine(g, (m) => m.acceptRules(rulesHash('Be kind.'), 10)))
    const fileKey = rnd.bytes(32)
    const ckpt = decodeCheckpoint(encodeCheckpoint(g.space.checkpoint(), fileKey), fileKey)

    const changed: string[][] = []
    const fresh = new GroupSpace(g.log, { identity: identityFromSeed(g.creator.seed), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { onChange: (ids) => changed.push(ids) })
    fresh.restore(ckpt)
    expect(fresh.groupId).toBe(g.space.groupId)
    expect(views(fresh)).toEqual(views(g.space))
    expect(fresh.next).toEqual(g.space.next)
    await fresh.catchUp(g.log)
    expect(changed).toEqual([])
    expect(views(fresh)).toEqual(views(g.space))

    await fresh.change(memberDocId(g.me), mine(g, (m) => m.edit(ref, { text: 'after the checkpoint' }, 11)))
    expect(fresh.next.get(g.log.key)).toBe(g.log.length)
    expect(await durableTexts(g)).toEqual(['after the checkpoint'])
  })
})
