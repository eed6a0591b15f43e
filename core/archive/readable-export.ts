/**
 * Readable exports of a group (HTML, Markdown, JSON): built from the same feed view the app shows,
 * so they show what a member sees. Anyone who opens such a file can read it; the app says so
 * before writing one, and it is written only to the path the person chose.
 *
 * - HTML: one self-contained file (no scripts, no remote content, inline style that prints well);
 *   a post behind a content warning sits in a closed <details>, so it stays collapsed until opened.
 * - Markdown: the warning is written first and the text follows in a quote, under the warning.
 * - JSON: the schema in export-json-schema.ts (docs/export-schema.json).
 * Filters: a date range (createdAt, ms) and a topic. Items hidden by moderation are left out unless
 * `includeHidden` — the exporter's own hidden posts too (the app shows them only to their author,
 * with why; a file for others must not).
 * Language: HTML and Markdown use the exporter's `language` for Hearth's own words and dates
 * (core/readable-words; unknown → English). JSON carries no words of Hearth's and is the same
 * bytes whatever the language.
 */
import type { FileHandle } from 'node:fs/promises'
import type { ExportInput, FeedPost, FeedReply } from '../api.ts'
import { errors } from '../errors.ts'
import { feed } from '../model/views.ts'
import { exportSource } from '../group/reader-source.ts'
import type { GroupSpace } from '../group/group-space.ts'
import type { ExportDocument, ExportPost, ExportReply } from './export-json-schema.ts'
import { htmlDocument, htmlPost, reactionName } from './readable-html.ts'
import { ownWordsOnly } from './own-words.ts'
import { readableWords, type Words } from '../readable-words/index.ts'

import { shownGroupName } from '../model/names.ts'

interface Run {
  onProgress?(done: number, total: number): void
  cancelled?(): boolean
  now(): number
}

const reply = (r: FeedReply): ExportReply => ({
  id: r.id, author: r.author, authorName: r.authorName, text: r.hidden ? '' : r.text, createdAt: r.createdAt, editedAt: r.editedAt,
  deleted: r.deleted || r.hidden !== undefined, reactions: r.reactions, replies: r.replies.map(reply),
})

/** Every post that passes the filters, newest first. */
export function selectPosts(space: GroupSpace, f: Pick<ExportInput, 'from' | 'to' | 'topic' | 'includeHidden'>): ExportPost[] {
  const src = exportSource(space, f.includeHidden ?? false)
  // One read of the whole feed: paging with `before` re-reads and re-sorts the group per page,
  // quadratic in its size (scripts/bench/unread.ts measured it).
  const page = feed(src, { limit: Number.MAX_SAFE_INTEGER, ...(f.topic ? { topic: f.topic } : {}) })
  return page.posts.filter((p) => inRange(p, f) && !p.hidden).map(post)
}

const inRange = (p: FeedPost, f: Pick<ExportInput, 'from' | 'to'>): boolean => (f.from === undefined || p.createdAt >= f.from) && (f.to === undefined || p.createdAt <= f.to)

const post = (p: FeedPost): ExportPost => ({
  id: p.id, author: p.author, authorName: p.authorName, topic: p.topic, text: p.text, cw: p.cw,
  createdAt: p.createdAt, editedAt: p.editedAt, reactions: p.reactions, replies: p.replies.map(reply),
})

export async function writeReadable(fh: FileHandle, space: GroupSpace, input: ExportInput, run: Run): Promise<{ items: number; bytes: number }> {
  const gov = space.governance
  const selected = selectPosts(space, input)
  const posts = input.scope === 'mine' ? ownWordsOnly(selected, space.me) : selected
  const enc = new TextEncoder()
  let bytes = 0
  const write = async (s: string): Promise<void> => {
    const b = enc.encode(s)
    bytes += b.length
    await fh.write(b)
  }
  const doc: Omit<ExportDocument, 'posts'> = {
    format: 'hearth-export', v: 1, group: { id: gov.groupId, name: shownGroupName(gov.name) }, exportedAt: run.now(),
    filter: { from: input.from ?? null, to: input.to ?? null, topic: input.topic ?? null },
  }
  const topics = new Map(gov.settings.topics.map((t) => [t.id, t.label]))
  const words = readableWords(input.language)
  const parts = input.format === 'json'
    ? { head: JSON.stringify(doc).slice(0, -1) + ',"posts":[', item: (p: ExportPost, i: number) => (i ? ',' : '') + JSON.stringify(p), tail: ']}\n' }
    : input.format === 'md'
      ? { head: `# ${mdLine(shownGroupName(gov.name))}\n\n${mdLine(words.w('export.noteMd', { date: words.dateTime(doc.exportedAt) }))}\n\n`, item: (p: ExportPost) => mdPost(p, topics, words), tail: '' }
      : { ...htmlDocument(shownGroupName(gov.name), doc.exportedAt, words), item: (p: ExportPost) => htmlPost(p, topics, words) }
  await write(parts.head)
  for (const [i, p] of posts.entries()) {
    if (run.cancelled?.()) throw errors.EXPORT_CANCELLED()
    await write(parts.item(p, i))
    if ((i + 1) % 250 === 0) run.onProgress?.(i + 1, posts.length)
  }
  await write(parts.tail)
  run.onProgress?.(posts.length, posts.length)
  return { items: posts.length, bytes }
}

const mdLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]#<>])/g, '\\$1')
const mdQuote = (s: string): string => s.split(/\r?\n/).map((l) => `> ${l.replace(/([\\`*_[\]#<>])/g, '\\$1')}`).join('\n')

function mdReplies(rs: ExportReply[], depth: number, words: Words): string {
  return rs.map((r) => {
    const pad = '  '.repeat(depth)
    const text = r.deleted ? `(${words.w('export.deleted')})` : r.text.replace(/\r?\n/g, ' ')
    return `${pad}- **${mdLine(r.authorName)}** (${words.dateTime(r.createdAt)}): ${mdLine(text)}\n${mdReplies(r.replies, depth + 1, words)}`
  }).join('')
}

function mdPost(p: ExportPost, topics: Map<string, string>, words: Words): string {
  const head = `## ${mdLine(p.authorName)}, ${words.dateTime(p.createdAt)} (${mdLine(topics.get(p.topic) ?? p.topic)})\n\n`
  // The slot is filled after escaping, so someone's warning is escaped once, like every other text.
  const cw = p.cw ? `**${mdLine(words.w('export.warningMd')).replace('{cw}', () => mdLine(p.cw ?? ''))}**\n\n` : ''
  const reactions = Object.entries(p.reactions).map(([k, n]) => `${reactionName(k, words)} ${words.number(n)}`).join(', ')
  return `${head}${cw}${mdQuote(p.text)}\n\n${reactions ? `${mdLine(words.w('export.reactions', { list: reactions }))}\n\n` : ''}${mdReplies(p.replies, 0, words)}\n`
}
