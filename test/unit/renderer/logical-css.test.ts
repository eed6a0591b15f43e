/**
 * Arabic mirrors because the renderer's layout names sides by the reading direction
 * (`margin-inline-start`, `inset-inline-end`, `text-align: start`), never by the screen
 * (`margin-left`, `right: 0`, `float: left`): a physical side stays put when `dir="rtl"` flips the
 * page, so one such rule puts a button or an indent on the wrong side for an Arabic reader.
 * Every style block of every screen and the theme are checked.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = path.resolve(import.meta.dirname, '../../../renderer')

/** A property naming a physical side (margin-left, border-top-right-radius, left), or a value that does (text-align: right). */
const PHYSICAL = [
  /(?:^|[\s;{])((?:[a-z]+-)*(?:left|right)(?:-[a-z]+)*)\s*:/g,
  /(?:^|[\s;{])((?:text-align|float|clear)\s*:\s*(?:left|right))\b/g,
]

/** The CSS of a file: a stylesheet whole, a Svelte component's <style> blocks; comments dropped. */
function cssOf(file: string, text: string): string {
  const css = file.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
  return css.replace(/\/\*[\s\S]*?\*\//g, '')
}

export function physicalSides(file: string, text: string): string[] {
  const css = cssOf(file, text)
  return PHYSICAL.flatMap((re) => [...css.matchAll(re)].map((m) => m[1]!.replace(/\s+/g, ' ')))
}

function styled(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? styled(p) : /\.(svelte|css)$/.test(d.name) ? [p] : []
  })
}

const files = styled(RENDERER).map((f) => path.relative(RENDERER, f)).sort()

describe('layout by reading direction', () => {
  it('finds a planted physical side, and passes the logical ones', () => {
    const planted = `<p>x</p>
<style>
  /* left: a comment is not a rule */
  .a { margin-left: 1rem; padding-inline-start: 2px }
  .b{right:0;inset-inline-end:0}
  .c { text-align: right; float: left; border-top-left-radius: 2px }
  .d { text-align: start; margin-inline: auto; translate: 0 }
</style>`
    expect(physicalSides('x.svelte', planted)).toEqual(['margin-left', 'right', 'border-top-left-radius', 'text-align: right', 'float: left'])
    expect(physicalSides('x.svelte', '<style>.d { text-align: end; inset-inline-start: 0 }</style>')).toEqual([])
  })

  it('checks a real set of files', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(files).toContain('theme.css')
  })

  it.each(files)('%s names sides by reading direction only', (file) => {
    expect(physicalSides(file, readFileSync(path.join(RENDERER, file), 'utf8'))).toEqual([])
  })
})
