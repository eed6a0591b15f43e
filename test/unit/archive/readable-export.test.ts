/**
 * Readable exports (HTML, Markdown, JSON) through the real service on a real profile: filters,
 * escaping, content warnings kept folded, the JSON schema, where files may go, and cancelling.
 * The HTML in real Chromium with axe is test/e2e/export-html.test.ts.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportJsonSchema, exportSchema } from '../../../core/archive/export-json-schema.ts'
import { createService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const DAY = 86_400_000

async function group() {
  const root = tempDir()
  let clock = Date.UTC(2026, 0, 1)
  const svc = createService({ profileDir: path.join(root, 'p'), kdf: CHEAP_KDF, now: () => clock })
  await ok(svc.createProfile({ passphrase: 'profile passphrase', name: 'Alder <b>' }))
  const g = await ok(svc.createGroup({ name: 'Circle & friends' }))
  const p1 = await ok(svc.post({ groupId: g.id, text: 'day one <script>alert(1)</script>', topic: 'check-in' }))
  clock += DAY
  await ok(svc.post({ groupId: g.id, text: 'the hard part', cw: 'violence "quoted"', topic: 'story' }))
  clock += DAY
  await ok(svc.post({ groupId: g.id, text: 'day three', topic: 'check-in' }))
  await ok(svc.reply({ groupId: g.id, to: p1.id, text: 'a reply\non two lines' }))
  await ok(svc.react({ groupId: g.id, to: p1.id, kind: 'believe' }))
  return { svc, root, groupId: g.id }
}

describe('readable exports', () => {
  it('leaves out what moderation hides (the exporter\'s own too) unless asked to include it', async () => {
    const { svc, root, groupId } = await group()
    const mine = await ok(svc.post({ groupId, text: 'hidden by a facilitator' }))
    const p = await ok(svc.post({ groupId, text: 'a post with a hidden reply' }))
    const r = await ok(svc.reply({ groupId, to: p.id, text: 'hidden reply words' }))
    await ok(svc.moderate({ groupId, to: mine.id, action: 'hide', reason: 'other' }))
    await ok(svc.moderate({ groupId, to: r.id, action: 'hide', reason: 'other' }))
    const file = path.join(root, 'moderated.md')
    await ok(svc.exportGroup({ groupId, format: 'md', path: file }))
    const md = readFileSync(file, 'utf8')
    expect(md).toContain('a post with a hidden reply')
    expect(md).not.toContain('hidden by a facilitator')
    expect(md).not.toContain('hidden reply words')
    const all = path.join(root, 'everything.md')
    await ok(svc.exportGroup({ groupId, format: 'md', path: all, includeHidden: true }))
    const full = readFileSync(all, 'utf8')
    expect(full).toContain('hidden by a facilitator')
    expect(full).toContain('hidden reply words')
    await svc.close()
  })

  it('HTML: self-contained, escaped, warnings folded, no script', async () => {
    const { svc, root, groupId } = await group()
    const file = path.join(root, 'out.html')
    expect(await ok(svc.exportGroup({ groupId, format: 'html', path: file }))).toMatchObject({ path: file, items: 3 })
    const html = readFileSync(file, 'utf8')
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i)
    // The CSP allows the one style block by its hash, never 'unsafe-inline'.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).not.toMatch(/unsafe/)
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? ''
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(html).toContain('day one &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<details><summary>Content warning: <bdi>violence &quot;quoted&quot;</bdi> (open to read)</summary><p class="text" dir="auto">the hard part</p></details>')
    expect(html).not.toMatch(/<details[^>]*open/)
    expect(html).toContain('Anyone who opens this file can read it.')
    expect(html).toContain('I believe you: 1')
    await svc.close()
  })

  it('JSON: valid against the schema, newest first, filtered by topic and by dates', async () => {
    const { svc, root, groupId } = await group()
    const all = path.join(root, 'all.json')
    await ok(svc.exportGroup({ groupId, format: 'json', path: all }))
    const doc = exportSchema.parse(JSON.parse(readFileSync(all, 'utf8')))
    expect(doc.posts.map((p) => p.text)).toEqual(['day three', 'the hard part', 'day one <script>alert(1)</script>'])
    expect(doc.posts[2]?.replies[0]?.text).toBe('a reply\non two lines')
    expect(doc.posts[1]?.cw).toBe('violence "quoted"')

    const topic = path.join(root, 'topic.json')
    await ok(svc.exportGroup({ groupId, format: 'json', path: topic, topic: 'check-in' }))
    expect(exportSchema.parse(JSON.parse(readFileSync(topic, 'utf8'))).posts.map((p) => p.text)).toEqual(['day three', 'day one <script>alert(1)</script>'])

    const range = path.join(root, 'range.json')
    const from = Date.UTC(2026, 0, 2)
    await ok(svc.exportGroup({ groupId, format: 'json', path: range, from, to: from + DAY - 1 }))
    const ranged = exportSchema.parse(JSON.parse(readFileSync(range, 'utf8')))
    expect(ranged.posts.map((p) => p.text)).toEqual(['the hard part'])
    expect(ranged.filter).toEqual({ from, to: from + DAY - 1, topic: null })
    await svc.close()
  })

  it('Markdown: the warning comes before the words, and markup is escaped', async () => {
    const { svc, root, groupId } = await group()
    const file = path.join(root, 'out.md')
    await ok(svc.exportGroup({ groupId, format: 'md', path: file }))
    const md = readFileSync(file, 'utf8')
    expect(md.indexOf('**Content warning: violence "quoted"**')).toBeLessThan(md.indexOf('> the hard part'))
    expect(md).toContain('\\<script\\>')
    await svc.close()
  })

  it('writes only to an absolute path in an existing folder outside the profile', async () => {
    const { svc, root, groupId } = await group()
    const code = async (p: string): Promise<string | null> => {
      const r = await svc.exportGroup({ groupId, format: 'html', path: p })
      return r.ok ? null : r.error.code
    }
    expect(await code('relative.html')).toBe('INVALID_INPUT')
    expect(await code(path.join(root, 'p', 'inside.html'))).toBe('NOT_ALLOWED')
    expect(await code(path.join(root, 'p', 'logs', 'deeper.html'))).toBe('NOT_ALLOWED')
    mkdirSync(path.join(root, 'p', '..inside'))
    expect(await code(path.join(root, 'p', '..inside', 'x.html'))).toBe('NOT_ALLOWED')
    const link = path.join(tempDir(), 'link-to-profile')
    symlinkSync(path.join(root, 'p'), link)
    expect(await code(path.join(link, 'through-a-link.html'))).toBe('NOT_ALLOWED')
    expect(await code(path.join(root, 'missing', 'x.html'))).toBe('INVALID_INPUT')
    expect(await code(root)).toBe('INVALID_INPUT')
    const r = await svc.exportGroup({ groupId, format: 'archive', path: path.join(root, 'x.hearth') })
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT')
    const weak = await svc.exportGroup({ groupId, format: 'archive', path: path.join(root, 'x.hearth'), archivePassphrase: 'short' })
    expect(weak.ok ? null : weak.error.code).toBe('WEAK_PASSPHRASE')
    expect(readdirSync(root).sort()).toEqual(['p'])
    await svc.close()
  })

  it('cancelling stops the export and leaves no file, not even a temp one', async () => {
    const { svc, root, groupId } = await group()
    for (const format of ['html', 'archive'] as const) {
      const pending = svc.exportGroup({ groupId, format, path: path.join(root, `stopped.${format}`), archivePassphrase: 'archive passphrase' })
      expect(await ok(svc.cancelExport({}))).toEqual({ cancelled: true })
      const r = await pending
      expect(r.ok ? null : r.error.code).toBe('EXPORT_CANCELLED')
    }
    expect(await ok(svc.cancelExport({}))).toEqual({ cancelled: false })
    expect(readdirSync(root).sort()).toEqual(['p'])
    await svc.close()
  })

  it('publishes the JSON schema it validates with (docs/export-schema.json)', () => {
    const published = JSON.parse(readFileSync(new URL('../../../docs/export-schema.json', import.meta.url), 'utf8')) as unknown
    expect(published).toEqual(exportJsonSchema())
  })
})
