/**
 * The HTML readable export: one self-contained page. No script, no remote resource, a strict CSP
 * in a meta tag so even a browser that opens it from disk runs nothing; every text from the group
 * is escaped. Content warnings use a closed <details>: collapsed until the reader opens it, which
 * works from the keyboard and in screen readers without any script. Styles print cleanly and
 * follow the reader's light or dark preference with colours that pass WCAG AA contrast. Printing prints
 * what is shown: a warned post the reader has not opened prints as its warning only.
 */
import { createHash } from 'node:crypto'
import { REACTIONS } from '../model/vocabulary.ts'
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

function time(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `<time datetime="${iso}">${escapeHtml(iso.slice(0, 16).replace('T', ' '))} UTC</time>`
}

function reactionLine(r: Record<string, number>): string {
  const parts = Object.entries(r).map(([k, n]) => `${escapeHtml((REACTIONS as Record<string, string>)[k] ?? k)}: ${n}`)
  return parts.length ? `<p class="meta">${parts.join(' · ')}</p>` : ''
}

function replies(rs: ExportReply[]): string {
  if (!rs.length) return ''
  return `<ul>${rs.map((r) => `<li><p class="meta"><strong>${escapeHtml(r.authorName)}</strong> · ${time(r.createdAt)}</p>${r.deleted ? '<p class="text"><em>Deleted</em></p>' : `<p class="text">${escapeHtml(r.text)}</p>`}${reactionLine(r.reactions)}${replies(r.replies)}</li>`).join('')}</ul>`
}

/**
 * The page's only style is allowed by its hash, not by 'unsafe-inline': a text that somehow
 * slipped past escaping still could not bring a style (or anything else) of its own.
 */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`
export const HTML_CSP = `default-src 'none'; style-src ${STYLE_HASH}`

export function htmlDocument(groupName: string, exportedAt: number): { head: string; tail: string } {
  const name = escapeHtml(groupName)
  return {
    head: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">` +
      `<title>${name}</title><style>${STYLE}</style></head><body><main><h1>${name}</h1>` +
      `<p class="note">Exported from Hearth on ${time(exportedAt)}. Anyone who opens this file can read it. Posts with a content warning stay folded until you open them.</p>\n`,
    tail: '</main></body></html>\n',
  }
}

export function htmlPost(p: ExportPost, topics: Map<string, string>): string {
  const id = `p-${p.id.replace(/[^0-9a-f]/g, '')}`
  const text = `<p class="text">${escapeHtml(p.text)}</p>`
  const body = p.cw ? `<details><summary>Content warning: ${escapeHtml(p.cw)} (open to read)</summary>${text}</details>` : text
  return `<article aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(p.authorName)}</h2>` +
    `<p class="meta">${time(p.createdAt)} · ${escapeHtml(topics.get(p.topic) ?? p.topic)}${p.editedAt ? ' · edited' : ''}</p>` +
    `${body}${reactionLine(p.reactions)}${replies(p.replies)}</article>\n`
}
