/**
 * The feed's posts and replies as the unread counts need them (issue 19): who wrote each, when,
 * in which topic, and whether a reply is withheld from me — no words, names, reactions or flags,
 * and one post at a time. Counting from whole feed posts (views.ts) kept a full post view of every
 * post of the group in memory at once, each time the first screen was kept. The items are chosen
 * and the trees linked by the same code as the feed's (feed-items.ts), so the counts are the
 * feed's.
 */
import type { Ref } from './member-doc.ts'
import { growTree, postCandidates, readReply, threadsOf, type TreeNode } from './feed-items.ts'
import type { PostStamps, ReplyStamps } from './unread.ts'
import type { ViewSource } from './views.ts'

type ReplyNode = ReplyStamps & TreeNode<ReplyNode>

/** Every post the feed shows me, newest or not (unsorted), each with its reply tree's stamps. */
export function* feedStamps(src: ViewSource): Generator<PostStamps> {
  const threads = threadsOf(src)
  for (const { it, topic } of postCandidates(src)) {
    const thread = threads.get(it.ref)
    // Most posts have no reply: no tree to grow (growTree of nothing is nothing).
    if (!thread) {
      yield { author: it.author, createdAt: it.createdAt, topic, replies: [] }
      continue
    }
    const children = new Map<Ref, ReplyNode[]>()
    for (const raw of thread) {
      const r = readReply(src, raw)
      if (!r) continue
      const node: ReplyNode = { id: r.it.ref, author: r.it.author, createdAt: r.it.createdAt, deleted: r.it.deleted, replies: [], ...(r.withheld ? { withheld: r.withheld } : {}) }
      const list = children.get(r.parent)
      if (list) list.push(node)
      else children.set(r.parent, [node])
    }
    yield { author: it.author, createdAt: it.createdAt, topic, replies: growTree(it.ref, children) }
  }
}
