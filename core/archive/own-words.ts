/**
 * "Only my own words" for a readable export: my posts with my replies in them, and my replies to
 * others' posts under a placeholder that keeps nothing of the other member (no name, no words,
 * no reactions). Replies are flattened to one level: a reply of mine to someone else's reply
 * must not bring their words along.
 */
import type { ExportPost, ExportReply } from './export-json-schema.ts'

function myReplies(replies: ExportReply[], me: string): ExportReply[] {
  const out: ExportReply[] = []
  for (const r of replies) {
    if (r.author === me) out.push({ ...r, replies: [] })
    out.push(...myReplies(r.replies, me))
  }
  return out
}

export function ownWordsOnly(posts: ExportPost[], me: string): ExportPost[] {
  const out: ExportPost[] = []
  for (const p of posts) {
    const replies = myReplies(p.replies, me)
    if (p.author === me) out.push({ ...p, replies })
    else if (replies.length) out.push({ ...p, author: '', authorName: 'Another member', text: '', cw: null, reactions: {}, replies })
  }
  return out
}
