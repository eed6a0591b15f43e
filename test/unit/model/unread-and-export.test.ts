/**
 * What is new, and who may save the group's words (issue 17), on real GroupSpaces over
 * array-backed logs: unread counts and "replies to my words" from the feed each member sees;
 * a member's export of everyone's words refused unless the group allows it, while their own words
 * and the sealed archive stay theirs; a facilitator's export recorded in their own doc, which
 * every member reads and nobody else can write.
 */
import { describe, expect, it } from 'vitest'
import type { ExportInput } from '../../../core/api.ts'
import { checkGroupExport, exportRecords, recordGroupExport } from '../../../core/archive/export-policy.ts'
import { ownWordsOnly } from '../../../core/archive/own-words.ts'
import { selectPosts } from '../../../core/archive/readable-export.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { countUnread, markFeed } from '../../../core/model/unread.ts'
import { feed } from '../../../core/model/views.ts'
import { checkWrite } from '../../../core/model/write-rule.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, now, syncAll, type Peer } from '../governance/peers.ts'

const posts = (p: Peer) => {
  const gov = p.space.governance
  return feed({ me: p.me, members: gov.members, docs: p.space.docs.memberDocs(), rules: null, authors: new Set(gov.members.keys()) }, { limit: 100 })
}
const write = (p: Peer, fn: (d: MemberDoc) => string): Promise<string> => {
  let out = ''
  return p.space.change(memberDocId(p.me), (doc) => { out = fn(new MemberDoc(doc, p.me)) }).then(() => out)
}
const counts = (p: Peer, since: number | undefined) => countUnread({
  groupId: 'g', me: p.me, lastRead: since === undefined ? {} : { conversations: since }, posts: posts(p).posts, meetings: [], resources: [], decisions: [], line: [], invites: [],
})
const input = (over: Partial<ExportInput> = {}): ExportInput => ({ groupId: 'a'.repeat(32), format: 'html', path: '/x/y.html', ...over })

describe('unread counts', () => {
  it('counts others’ posts and replies since I last read, and replies to my words', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    const mine = await write(fay, (d) => d.addPost({ topic: 'story', text: 'mine', cw: null }, now()))
    await syncAll([fay, bob])
    const read = now()
    const bobs = await write(bob, (d) => d.addPost({ topic: 'story', text: 'bob', cw: null }, now()))
    await write(bob, (d) => d.addReply({ post: mine, parent: mine, text: 'to fay' }, now()))
    await write(fay, (d) => d.addReply({ post: bobs, parent: bobs, text: 'fay answers' }, now()))
    await syncAll([fay, bob])

    expect(counts(fay, read).sections).toMatchObject({ conversations: 2, repliesToMe: 1 })
    expect(counts(fay, read).topics).toEqual({ story: 2 })
    expect(counts(fay, now()).total).toBe(0)
    // Facilitators' invites section: others' invites since the last look, never my own.
    const inv = countUnread({ groupId: 'g', me: fay.me, lastRead: { invites: 10 }, posts: [], meetings: [], resources: [], decisions: [], line: [], invites: [{ at: 5, by: bob.me }, { at: 11, by: bob.me }, { at: 12, by: fay.me }] })
    expect(inv.sections.invites).toBe(1)
    expect(inv.total).toBe(1)
    expect(counts(bob, undefined).sections).toMatchObject({ conversations: 2, repliesToMe: 1 }) // Fay's post and reply; the reply answers Bob
    const page = markFeed(posts(fay), fay.me, read)
    const own = page.posts.find((p) => p.id === mine)!
    expect(own).toMatchObject({ isNew: false, repliesToMe: 1, newRepliesToMe: 1 })
    expect(own.replies[0]).toMatchObject({ isNew: true, toMe: true })
    expect(page.posts.find((p) => p.id === bobs)).toMatchObject({ isNew: true, repliesToMe: 0 })
  })
})

describe('who may save the group’s words', () => {
  it('a member exports their own words and the archive, not everyone’s unless the group allows it', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    expect(() => checkGroupExport(bob.space, input())).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }))
    expect(() => checkGroupExport(bob.space, input({ scope: 'group', format: 'json' }))).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }))
    expect(() => checkGroupExport(bob.space, input({ scope: 'mine' }))).not.toThrow()
    expect(() => checkGroupExport(bob.space, input({ format: 'archive' }))).not.toThrow()
    expect(() => checkGroupExport(fay.space, input())).not.toThrow()
    await fay.space.writeGovernance({ v: 1, kind: 'settings', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(), body: { settings: { groupExport: 'members' } } })
    await syncAll([fay, bob])
    expect(() => checkGroupExport(bob.space, input())).not.toThrow()
  })

  it('"my own words" keeps nothing of anyone else', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    const bobs = await write(bob, (d) => d.addPost({ topic: 'story', text: 'bob secret', cw: null }, now()))
    await write(bob, (d) => d.addPost({ topic: 'story', text: 'bob alone', cw: null }, now()))
    await syncAll([fay, bob])
    const reply = await write(fay, (d) => d.addReply({ post: bobs, parent: bobs, text: 'fay reply' }, now()))
    await write(bob, (d) => d.addReply({ post: bobs, parent: reply, text: 'bob again' }, now()))
    await syncAll([fay, bob])
    const out = ownWordsOnly(selectPosts(fay.space, {}), fay.me)
    expect(JSON.stringify(out)).not.toMatch(/bob|Bob/)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ author: '', authorName: 'Another member', text: '', replies: [{ text: 'fay reply', replies: [] }] })
  })

  it('a facilitator’s export is recorded in their own doc for every member, and only they can write it', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    await recordGroupExport(fay.space, input({ format: 'md', from: 5 }), 1234)
    await recordGroupExport(fay.space, input({ scope: 'mine' }), 1300)
    await syncAll([fay, bob])
    const seen = exportRecords(bob.space, (id) => (id === fay.me ? 'Fay' : 'Bob'))
    expect(seen).toMatchObject([{ by: fay.me, byName: 'Fay', at: 1234, format: 'md', from: 5, to: null }])
    // A record "by Fay" written through Bob's log is refused by every peer's write rule.
    for (const p of [fay, bob]) expect(checkWrite(p.space.governance, bob.log.key, bob.log.length, memberDocId(fay.me)).ok).toBe(false)
  })
})
