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
  /** What a tag holds, in order; empty for plain words. A part with no tag and children is a list of names (`nameList`). */
  children: Part[]
}

/** What a message's placeholders take: plain values, or a list of names made by `nameList`. */
export type PartValues = Record<string, string | number | Date | Part>

const plainPart = (text: string): Part => ({ text, tag: null, children: [] })

/**
 * Names as one list in the reader's language ("Ash, Birch and Cedar"), each name in a `<bdi>` of
 * its own. A `<bdi>` around the whole list keeps it from reordering the sentence, but not its names
 * from reordering each other: two right-to-left names side by side in a left-to-right list would
 * swap places, with the comma between them. Passed as a value to `locale.parts` (Rich). `rest`,
 * words of the catalogue's own ("2 others"), ends the list as a plain item.
 */
export function nameList(tag: string, names: readonly string[], rest?: string): Part {
  // `rest`: the catalogue's own words ("2 others") as the list's last item, not isolated as a name.
  let item = 0
  const children = new Intl.ListFormat(tag, { type: 'conjunction' })
    .formatToParts(rest === undefined ? names : [...names, rest])
    .map((p): Part => (p.type === 'element' && item++ < names.length ? { text: p.value, tag: 'bdi', children: [plainPart(p.value)] } : plainPart(p.value)))
  return { text: children.map((c) => c.text).join(''), tag: null, children }
}

function asPart(c: unknown): Part {
  return typeof c === 'object' && c !== null && 'children' in c ? (c as Part) : plainPart(String(c))
}

/** The formatted message as a list of parts, each tag keeping the parts inside it. */
export function partsOf(format: IntlMessageFormat, values: PartValues): Part[] {
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
