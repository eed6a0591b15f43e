/**
 * Every word the renderer shows comes from the catalogue, and every language has every key with
 * the same placeholders. Every screen is checked: the list of screens still in English that this
 * test once carried is empty and gone (docs/decisions.md, issue 18).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../renderer/i18n/languages.ts'
import { ar } from '../../../renderer/i18n/messages/ar.ts'
import { de } from '../../../renderer/i18n/messages/de.ts'
import { en } from '../../../renderer/i18n/messages/en.ts'
import { es } from '../../../renderer/i18n/messages/es.ts'
import { fr } from '../../../renderer/i18n/messages/fr.ts'
import { pl } from '../../../renderer/i18n/messages/pl.ts'
import { pt } from '../../../renderer/i18n/messages/pt.ts'
import { catalogueProblems, visibleStrings } from './catalogue-check.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const RENDERER = path.join(ROOT, 'renderer')

const CATALOGUES: Record<string, Record<string, string>> = { es, fr, ar, de, pl, pt }

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? svelteFiles(p) : d.name.endsWith('.svelte') ? [p] : []
  })
}

const files = svelteFiles(RENDERER).map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort()

describe('the catalogue check itself', () => {
  it('finds a planted untranslated string in text, in a shown attribute and in markup code', () => {
    const planted = `<script lang="ts">let open = $state(false)</script>
<p>{t('app.opening')}</p>
<p>Hello there</p>
<button aria-label="Close the panel">×</button>
<Field label="Your name" />
<p>{open ? 'Open' : t('cover.return')}</p>
<p>{\`\${3} new\`}</p>`
    expect(visibleStrings(planted).map((f) => f.text)).toEqual(['Hello there', 'Close the panel', 'Your name', 'Open', ' new'])
  })

  it('passes what comes from the catalogue, keys, comparisons and words without letters', () => {
    const clean = `<script lang="ts">let mode = $state('a')</script>
{#if mode === 'survivor-led'}<p>{t('groups.none')}</p>{/if}
<Rich key="notice.does.quickExit" />
<input type="radio" value="survivor-led" />
<span>{mode === 'facilitated' ? t('groups.mode.facilitated') : t('groups.new', { count: 3 })}</span>
<p>Hearth · 3 · …</p>`
    expect(visibleStrings(clean)).toEqual([])
  })

  it('finds a missing key, a dropped placeholder and a message that does not parse', () => {
    const reference = { a: 'Hello {name}', b: '{n, plural, one {# post} other {# posts}}', c: 'Plain' }
    expect(catalogueProblems(reference, { a: 'Hola', b: '{n, plural, one {# entrada} other {# entradas}', d: 'x' }, 'es')).toEqual([
      'es: a uses {}, English uses {name}',
      expect.stringMatching(/^es: b does not parse/),
      'es: missing c',
      'es: d is not an English key',
    ])
  })
})

describe('the renderer', () => {
  it.each(files)('%s shows only words from the catalogue', (file) => {
    const found = visibleStrings(readFileSync(path.join(ROOT, file), 'utf8')).map((f) => f.text)
    expect(found).toEqual([])
  })

  it('uses every English key somewhere', () => {
    const code = ['lib', 'i18n'].flatMap((d) => readdirSync(path.join(RENDERER, d)).filter((f) => f.endsWith('.ts')).map((f) => `renderer/${d}/${f}`))
    const sources = [...files, ...code]
      .map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
      .join('\n')
    const unused = Object.keys(en).filter((k) => !sources.includes(`'${k}'`) && !sources.includes(`"${k}"`))
    expect(unused).toEqual([])
  })
})

describe('every language', () => {
  it('is listed in the picker exactly when it has a catalogue', () => {
    expect(LANGUAGES.map((l) => l.tag).sort()).toEqual(['en', ...Object.keys(CATALOGUES)].sort())
  })

  it.each(Object.keys(CATALOGUES))('%s has every key, with the same placeholders and tags as English', (tag) => {
    expect(catalogueProblems(en, CATALOGUES[tag]!, tag)).toEqual([])
  })

  it('English messages all parse', () => {
    expect(catalogueProblems(en, en, 'en')).toEqual([])
  })
})
