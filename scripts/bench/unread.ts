/**
 * Unread counts benchmark (issue 17): what counting "what is new" costs beside its anchor, the
 * feed's first page, in groups of 1,000 and 10,000 posts by 20 members, each post with two
 * replies. Counting walks every page of the feed (core/group/everyday-handlers.ts), so it grows
 * with the group; the anchor shows what one screen of the feed costs on the same machine in the
 * same run. Views only (core/model), no disk, no network. Prints `uptime` before and after and a
 * markdown table for docs/benchmarks.md.
 *
 * Run: npx tsx scripts/bench/unread.ts
 */
import { execFileSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import * as Y from 'yjs'
import type { FeedPost } from '../../core/api.ts'
import { MemberDoc } from '../../core/model/member-doc.ts'
import { countUnread, markFeed } from '../../core/model/unread.ts'
import { feed, type MemberInfo } from '../../core/model/views.ts'
import { medianTime } from './median-time.ts'

const MEMBERS = 20
const RUNS = 9

const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim()

const median = (f: () => void): number => medianTime(f, RUNS)

function group(posts: number) {
  const ids = Array.from({ length: MEMBERS }, (_, i) => (i + 1).toString(16).padStart(64, '0'))
  const docs = new Map(ids.map((id) => [id, new MemberDoc(new Y.Doc(), id)]))
  for (let i = 0; i < posts; i++) {
    const ref = (docs.get(ids[i % MEMBERS] as string) as MemberDoc).addPost({ topic: 'story', text: `post ${i}`, cw: null }, i * 10 + 1)
    for (let r = 1; r <= 2; r++) (docs.get(ids[(i + r) % MEMBERS] as string) as MemberDoc).addReply({ post: ref, parent: ref, text: `reply ${r}` }, i * 10 + 1 + r)
  }
  const members = new Map<string, MemberInfo>(ids.map((id) => [id, { id, role: 'member', pseudonym: 'm' }]))
  return { me: ids[0] as string, src: { me: ids[0] as string, members, docs, rules: null }, posts }
}

/** As core/group/everyday-handlers.ts reads them: the whole feed in one read. */
function allPosts(src: Parameters<typeof feed>[0]): FeedPost[] {
  return feed(src, { limit: Number.MAX_SAFE_INTEGER }).posts
}

/** The first way it was written, for comparison: page after page of 100. */
function pagedPosts(src: Parameters<typeof feed>[0]): FeedPost[] {
  const out: FeedPost[] = []
  let before: string | undefined
  for (;;) {
    const page = feed(src, { limit: 100, ...(before ? { before } : {}) })
    out.push(...page.posts)
    if (!page.next) return out
    before = page.next
  }
}

const before = uptime()
const rows: string[] = []
for (const n of [1_000, 10_000]) {
  const g = group(n)
  const anchor = median(() => feed(g.src, { limit: 20 }))
  const marked = median(() => markFeed(feed(g.src, { limit: 20 }), g.me, n * 5))
  const count = (posts: FeedPost[]) => countUnread({ groupId: 'g', me: g.me, lastRead: { conversations: n * 5 }, posts, meetings: [], resources: [], decisions: [], line: [], invites: [] })
  const counted = median(() => count(allPosts(g.src)))
  // The paged way only at 1,000 posts: at 10,000 it took 31 s a run.
  const paged = n <= 1_000 ? `${median(() => count(pagedPosts(g.src))).toFixed(1)} ms` : 'not run'
  rows.push(`| ${n.toLocaleString('en')} | ${anchor.toFixed(1)} ms | ${marked.toFixed(1)} ms | ${counted.toFixed(1)} ms | ${(counted / anchor).toFixed(1)}× | ${paged} |`)
}
const after = uptime()

console.log(`Date: ${new Date().toUTCString()}. Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`)
console.log(`uptime before: ${before}\nuptime after:  ${after}`)
console.log(`${MEMBERS} members, two replies per post, half the group read; median of ${RUNS}.\n`)
console.log('| posts | anchor: feed, first page of 20 | first page with new/replies-to-me marks | unread counts (whole feed, one read) | counts ÷ anchor | counts, paging 100 at a time |')
console.log('|---:|---:|---:|---:|---:|---:|')
for (const r of rows) console.log(r)
