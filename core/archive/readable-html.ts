/**
 * The HTML readable export: one self-contained page. No script, no remote resource, a strict CSP
 * in a meta tag so even a browser that opens it from disk runs nothing; every text from the group
 * is escaped. Content warnings use a closed <details>: collapsed until the reader opens it, which
 * works from the keyboard and in screen readers without any script. Styles print cleanly and
 * follow the reader's light or dark preference with colours that pass WCAG AA contrast. Printing prints
 * what is shown: a warned post the reader has not opened prints as its warning only.
 * Hearth's own words come in the exporter's language (core/readable-words), with `lang` and `dir`
 * on the page; names sit in <bdi> and what members wrote in dir="auto", so a name or a post in
 * another script keeps its own direction. What members wrote is never translated.
 */
import { createHash } from 'node:crypto'
import { REACTIONS } from '../model/vocabulary.ts'
import type { Words } from '../readable-words/index.ts'
import type { ReactionKind } from '../model/vocabulary.ts'
import type { ExportPost, ExportReply } from './export-json-schema.ts'

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
article{border-top:1px solid #767676;padding:.75rem 0}h2{font-size:1rem;margin:0 0 .25rem}
.meta{color:#4a4a4a;font-size:.9rem;margin:0 0 .5rem}.text{white-space:pre-wrap;margin:0}
ul{list-style:none;padding-left:1rem;border-left:2px solid #d0d0d0}li{margin:.4rem 0}
summary{cursor:pointer;font-weight:600}.note{background:#fff4d6;color:#1b1b1b;padding:.5rem;border-radius:4px}
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}.meta{color:#c4c4c4}.note{background:#3d3000;color:#fff}ul{border-color:#555}}
@media print{body{max-width:none}article{break-inside:avoid}}`

function time(ms: number, words: Words): string {
  return `<time datetime="${new Date(ms).toISOString()}">${escapeHtml(words.dateTime(ms))}</time>`
}

/** A reaction's name in the exporter's language; an unknown kind shows as itself. */
export function reactionName(kind: string, words: Words): string {
  return Object.hasOwn(REACTIONS, kind) ? words.w(`reaction.${kind as ReactionKind}`) : kind
}

function reactionLine(r: Record<string, number>, words: Words): string {
  const parts = Object.entries(r).map(([k, n]) => `${escapeHtml(reactionName(k, words))}: ${escapeHtml(words.number(n))}`)
  return parts.length ? `<p class="meta">${parts.join(' · ')}</p>` : ''
}

const name = (s: string): string => `<bdi>${escapeHtml(s)}</bdi>`
const said = (s: string): string => `<p class="text" dir="auto">${escapeHtml(s)}</p>`

function replies(rs: ExportReply[], words: Words): string {
  if (!rs.length) return ''
  return `<ul>${rs.map((r) => `<li><p class="meta"><strong>${name(r.authorName)}</strong> · ${time(r.createdAt, words)}</p>${r.deleted ? `<p class="text"><em>${escapeHtml(words.w('export.deleted'))}</em></p>` : said(r.text)}${reactionLine(r.reactions, words)}${replies(r.replies, words)}</li>`).join('')}</ul>`
}

/**
 * The page's only style is allowed by its hash, not by 'unsafe-inline': a text that somehow
 * slipped past escaping still could not bring a style (or anything else) of its own.
 */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`
export const HTML_CSP = `default-src 'none'; style-src ${STYLE_HASH}`

export function htmlDocument(groupName: string, exportedAt: number, words: Words): { head: string; tail: string } {
  const group = escapeHtml(groupName)
  return {
    head: `<!doctype html>\n<html lang="${words.lang}" dir="${words.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">` +
      `<title>${group}</title><style>${STYLE}</style></head><body><main><h1><bdi>${group}</bdi></h1>` +
      `<p class="note">${escapeHtml(words.w('export.note')).replace('{date}', () => time(exportedAt, words))}</p>\n`,
    tail: '</main></body></html>\n',
  }
}

export function htmlPost(p: ExportPost, topics: Map<string, string>, words: Words): string {
  const id = `p-${p.id.replace(/[^0-9a-f]/g, '')}`
  const text = said(p.text)
  // A function as the replacement: a `$&` in someone's warning must stay words, not a pattern.
  const warning = escapeHtml(words.w('export.warningHtml')).replace('{cw}', () => `<bdi>${escapeHtml(p.cw ?? '')}</bdi>`)
  const body = p.cw ? `<details><summary>${warning}</summary>${text}</details>` : text
  return `<article aria-labelledby="${id}"><h2 id="${id}">${name(p.authorName)}</h2>` +
    `<p class="meta">${time(p.createdAt, words)} · ${name(topics.get(p.topic) ?? p.topic)}${p.editedAt ? ` · ${escapeHtml(words.w('export.edited'))}` : ''}</p>` +
    `${body}${reactionLine(p.reactions, words)}${replies(p.replies, words)}</article>\n`
}
