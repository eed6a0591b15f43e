/**
 * Moderation benchmark: what the moderation filter adds to the feed's first page, and what the
 * facilitators' queue costs, in a group of 10,000 posts by 20 members with a given number of
 * flags. Views only (core/model), no disk, no network: the feed is read on every change, so the
 * filter must stay small beside it. Prints the machine and a markdown table for docs/benchmarks.md.
 *
 * Run: npx tsx scripts/bench/moderation.ts
 */
import { cpus, totalmem } from 'node:os'
import * as Y from 'yjs'
import { setFlag } from '../../core/model/flags.ts'
import { itemFilter } from '../../core/model/item-filter.ts'
import { MemberDoc } from '../../core/model/member-doc.ts'
import { moderationIndex, moderationQueue, type ModerationSource } from '../../core/model/moderation-view.ts'
import { MuteList } from '../../core/model/mute-list.ts'
import { feed, type MemberInfo } from '../../core/model/views.ts'
import { medianTime } from './median-time.ts'

const POSTS = 10_000
const MEMBERS = 20
const RUNS = 15
const GROUP = 'ab'.repeat(16)

const median = (f: () => void): number => medianTime(f, RUNS)

function group(flags: number) {
  const ids = Array.from({ length: MEMBERS }, (_, i) => (i + 1).toString(16).padStart(64, '0'))
  const docs = new Map(ids.map((id) => [id, new MemberDoc(new Y.Doc(), id)]))
  const refs: string[] = []
  for (let i = 0; i < POSTS; i++) refs.push((docs.get(ids[i % MEMBERS] as string) as MemberDoc).addPost({ topic: 'story', text: `post ${i}`, cw: null }, i + 1))
  // Flags spread over posts, each from a member other than the author.
  for (let i = 0; i < flags; i++) {
    const target = refs[(i * 7919) % POSTS] as string
    const by = ids.find((id, k) => k === (i + 1 + Math.floor(i / POSTS)) % MEMBERS && !target.startsWith(id)) ?? (ids[0] as string)
    setFlag(docs.get(by) as MemberDoc, target, { reason: 'other', rules: null }, 1)
  }
  const members = new Map<string, MemberInfo>(ids.map((id) => [id, { id, role: 'member', pseudonym: 'm' }]))
  const mod: ModerationSource = { members, docs, actions: new Map(), threshold: 3, rules: null }
  const mutes = MuteList.parse(null).with(GROUP, ids[1] as string, 'mute')
  return { me: ids[0] as string, members, docs, mod, mutes }
}

const rows: string[] = []
for (const flags of [0, 1_000, 10_000]) {
  const g = group(flags)
  const plain = median(() => feed({ me: g.me, members: g.members, docs: g.docs, rules: null }, { limit: 20 }))
  const filtered = median(() => {
    const filter = itemFilter({ groupId: GROUP, index: moderationIndex(g.mod), rules: null, mutes: g.mutes, mine: g.docs.get(g.me) })
    feed({ me: g.me, members: g.members, docs: g.docs, rules: null, filter }, { limit: 20 })
  })
  const queue = median(() => moderationQueue(g.mod))
  rows.push(`| ${flags.toLocaleString('en')} | ${plain.toFixed(1)} ms | ${filtered.toFixed(1)} ms | ${queue.toFixed(1)} ms |`)
}

console.log(`Date: ${new Date().toUTCString()}. Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`)
console.log(`${POSTS.toLocaleString('en')} posts by ${MEMBERS} members, first page of 20, median of ${RUNS}.\n`)
console.log('| flags | feed, no filter | feed with moderation and a mute | review queue |')
console.log('|---:|---:|---:|---:|')
for (const r of rows) console.log(r)
