/**
 * A message cut into parts for markup (renderer/i18n/parts.ts): tags nest as the translation
 * writes them, so a name isolated in <bdi> inside <b> is still isolated.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { nameList, partsOf, type Part } from '../../../renderer/i18n/parts.ts'
import { ar } from '../../../renderer/i18n/messages/ar.ts'
import { en } from '../../../renderer/i18n/messages/en.ts'

/** The parts as the markup Rich.svelte would write for them. */
function markup(parts: Part[]): string {
  return parts.map((p) => (p.tag !== null ? `<${p.tag}>${markup(p.children)}</${p.tag}>` : p.children.length ? markup(p.children) : p.text)).join('')
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

  it('isolates each name of a list on its own, with the separators of the reader’s language between them', () => {
    // Two right-to-left names side by side in one <bdi> would swap places for a left-to-right reader.
    const en1 = partsOf(new IntlMessageFormat(en['sync.connected'], 'en'), { names: nameList('en', ['سارة', 'ليلى', 'Wren']) })
    expect(markup(en1)).toBe('Connected now: <bdi><bdi>سارة</bdi>, <bdi>ليلى</bdi>, and <bdi>Wren</bdi></bdi>.')
    const ar1 = partsOf(new IntlMessageFormat(ar['sync.connected'], 'ar'), { names: nameList('ar', ['Ash', 'Birch']) })
    expect(markup(ar1)).toContain('<bdi>Ash</bdi> و<bdi>Birch</bdi>')
    // The words read the same as the language's own list, for titles and tests.
    expect(nameList('de', ['Ash', 'Birch', 'Cedar']).text).toBe(new Intl.ListFormat('de', { type: 'conjunction' }).format(['Ash', 'Birch', 'Cedar']))
    expect(markup([nameList('en', ['Ash'])])).toBe('<bdi>Ash</bdi>')
  })

  it('ends a list with the catalogue’s own words, not isolated as a name (a newcomer’s “still waiting for”)', () => {
    const parts = partsOf(new IntlMessageFormat(en['newcomer.waitingFor'], 'en'), { count: 3, names: nameList('en', ['Ash', 'Birch'], '1 other') })
    expect(markup(parts)).toBe('Still waiting for what <bdi><bdi>Ash</bdi>, <bdi>Birch</bdi>, and 1 other</bdi> wrote. It arrives when one of them, or someone who already has it, is online.')
    expect(markup(partsOf(new IntlMessageFormat(en['newcomer.waitingFor'], 'en'), { count: 1, names: nameList('en', ['Birch']) }))).toBe(
      'Still waiting for what <bdi><bdi>Birch</bdi></bdi> wrote. It arrives when <bdi><bdi>Birch</bdi></bdi>, or someone who already has it, is online.',
    )
    // Right to left, a left-to-right name stays isolated in both places; past three, the count in the reader's words.
    const ar1 = markup(partsOf(new IntlMessageFormat(ar['newcomer.waitingFor'], 'ar'), { count: 1, names: nameList('ar', ['Birch']) }))
    expect(ar1.match(/<bdi><bdi>Birch<\/bdi><\/bdi>/g)).toHaveLength(2)
    const others = new IntlMessageFormat(ar['newcomer.others'], 'ar').format({ count: 2 }) as string
    const ar2 = markup(partsOf(new IntlMessageFormat(ar['newcomer.waitingFor'], 'ar'), { count: 5, names: nameList('ar', ['Ash', 'Birch', 'Cedar'], others) }))
    expect(ar2).toContain('<bdi>Cedar</bdi> و' + others)
  })

  it('gives a message without tags as one plain part', () => {
    expect(partsOf(new IntlMessageFormat('Hello {name}', 'en'), { name: 'Ash' })).toEqual([{ text: 'Hello Ash', tag: null, children: [] }])
  })
})
