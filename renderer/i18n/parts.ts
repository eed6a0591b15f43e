/**
 * A message cut into parts for markup: plain words, `<b>…</b>` emphasis, a `<kbd>…</kbd>` key, or
 * `<bdi>…</bdi>` around someone's own words (a pseudonym), isolated so a name in another script
 * cannot reorder the sentence. Tags nest as the translation writes them: in `<b><bdi>{name}</bdi></b>`
 * the name stays isolated inside the emphasis (flattening the bold part to its text once dropped
 * the isolation, and a right-to-left name reordered the line around it).
 */
import type { IntlMessageFormat } from 'intl-messageformat'

export type Tag = 'b' | 'kbd' | 'bdi'
export const TAGS: readonly Tag[] = ['b', 'kbd', 'bdi']

export interface Part {
  /** The part's words, tags dropped (for a title or a test). */
  text: string
  tag: Tag | null
  /** What a tag holds, in order; empty for plain words. */
  children: Part[]
}

function asPart(c: unknown): Part {
  return typeof c === 'object' && c !== null && 'children' in c ? (c as Part) : { text: String(c), tag: null, children: [] }
}

/** The formatted message as a list of parts, each tag keeping the parts inside it. */
export function partsOf(format: IntlMessageFormat, values: Record<string, string | number | Date>): Part[] {
  const tagged = Object.fromEntries(
    TAGS.map((tag) => [
      tag,
      (chunks: unknown[]): Part => {
        const children = chunks.map(asPart)
        return { text: children.map((p) => p.text).join(''), tag, children }
      },
    ]),
  )
  const out = format.format<Part>({ ...values, ...tagged })
  return (Array.isArray(out) ? out : [out]).map(asPart)
}
