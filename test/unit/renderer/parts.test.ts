/**
 * A message cut into parts for markup (renderer/i18n/parts.ts): tags nest as the translation
 * writes them, so a name isolated in <bdi> inside <b> is still isolated.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { partsOf, type Part } from '../../../renderer/i18n/parts.ts'
import { ar } from '../../../renderer/i18n/messages/ar.ts'
import { en } from '../../../renderer/i18n/messages/en.ts'

/** The parts as the markup Rich.svelte would write for them. */
function markup(parts: Part[]): string {
  return parts.map((p) => (p.tag === null ? p.text : `<${p.tag}>${markup(p.children)}</${p.tag}>`)).join('')
}

describe('message parts', () => {
  it('keeps a name isolated inside bold (the line’s “<b><bdi>name</bdi></b>”)', () => {
    const parts = partsOf(new IntlMessageFormat(en['line.byMember'], 'en'), { name: 'نور', date: '3 Dec' })
    expect(markup(parts)).toBe('<b><bdi>نور</bdi></b>, 3 Dec')
    expect(parts[0]).toMatchObject({ tag: 'b', text: 'نور' })
  })

  it('does the same in a right-to-left catalogue', () => {
    const parts = partsOf(new IntlMessageFormat(ar['line.byFacilitator'], 'ar'), { name: 'Ash', date: '٣ ديسمبر' })
    expect(markup(parts)).toContain('<b><bdi>Ash</bdi></b>')
  })

  it('isolates a flag reason (a member’s own words) in every language', async () => {
    for (const lang of ['en', 'es', 'fr', 'ar', 'de', 'pl', 'pt']) {
      const catalogue = (await import(`../../../renderer/i18n/messages/${lang}.ts`))[lang] as Record<string, string>
      const parts = partsOf(new IntlMessageFormat(catalogue['hidden.flags'] as string, lang), { reason: 'Birch هنا', count: 3 })
      expect(markup(parts), lang).toMatch(/^<bdi>Birch هنا<\/bdi> /)
    }
  })

  it('keeps plain words, a lone tag and words beside a nested tag in order', () => {
    const f = new IntlMessageFormat('Press <kbd>Esc</kbd>, then <b>ask <bdi>{name}</bdi> first</b>.', 'en')
    expect(markup(partsOf(f, { name: 'Birch' }))).toBe('Press <kbd>Esc</kbd>, then <b>ask <bdi>Birch</bdi> first</b>.')
  })

  it('gives a message without tags as one plain part', () => {
    expect(partsOf(new IntlMessageFormat('Hello {name}', 'en'), { name: 'Ash' })).toEqual([{ text: 'Hello Ash', tag: null, children: [] }])
  })
})
