/**
 * The checks behind catalogue.test.ts, kept apart so the test can also plant a failure.
 *
 * `visibleStrings` reads a .svelte file with Svelte's own parser and lists words a person would
 * see that do not come from the catalogue: text between tags, the text of attributes that are
 * shown or read aloud (aria-label, title, placeholder, alt, and any `…label` prop a component
 * passes on), and string literals inside `{…}` in the markup. Not seen: strings built in the
 * <script> block and passed along in a variable; those are caught only by review.
 *
 * `catalogueProblems` compares a language with English: the same keys, and in each message the
 * same placeholders and tags, so no translation drops a count or a name.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { parse } from 'svelte/compiler'

/** Words allowed outside the catalogue: the app's name, the same in every language. */
export const ALLOWED = new Set(['Hearth'])

const SHOWN_ATTRIBUTE = /^(aria-label|aria-placeholder|aria-roledescription|aria-valuetext|title|placeholder|alt)$|label$/i
const LETTER = /\p{L}/u
const COMPARE = new Set(['===', '!==', '==', '!='])

export interface Finding {
  text: string
  at: number
}

type Node = { type?: string; start?: number; [k: string]: unknown }

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string'
}

function shown(text: string): boolean {
  const rest = text.split(/([\p{L}\p{M}]+)/u).filter((w) => !ALLOWED.has(w)).join('')
  return LETTER.test(rest)
}

/** String literals in a markup expression that would reach the screen. */
function literalsIn(expr: unknown, out: Finding[]): void {
  if (!isNode(expr)) return
  switch (expr.type) {
    case 'Literal':
      if (typeof expr.value === 'string' && shown(expr.value)) out.push({ text: expr.value, at: expr.start ?? 0 })
      return
    case 'TemplateLiteral':
      for (const q of expr.quasis as Node[]) {
        const cooked = (q.value as { cooked?: string }).cooked ?? ''
        if (shown(cooked)) out.push({ text: cooked, at: q.start ?? 0 })
      }
      for (const e of expr.expressions as Node[]) literalsIn(e, out)
      return
    case 'BinaryExpression':
      if (COMPARE.has(expr.operator as string)) return
      break
    case 'CallExpression': {
      // t('key', …) and locale.parts('key', …): the first argument is a catalogue key.
      const callee = expr.callee as Node
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? (callee.property as Node).name : ''
      const args = expr.arguments as Node[]
      const rest = name === 't' || name === 'parts' ? args.slice(1) : args
      for (const a of rest) literalsIn(a, out)
      return
    }
    case 'MemberExpression':
      literalsIn(expr.object, out)
      if (expr.computed) literalsIn(expr.property, out)
      return
    case 'Property':
      literalsIn(expr.value, out)
      return
  }
  for (const [k, v] of Object.entries(expr)) {
    if (k === 'type' || k === 'start' || k === 'end' || k === 'loc') continue
    if (Array.isArray(v)) for (const x of v) literalsIn(x, out)
    else literalsIn(v, out)
  }
}

function attribute(node: Node, out: Finding[]): void {
  if (!SHOWN_ATTRIBUTE.test(node.name as string)) return
  const value = node.value
  const parts = Array.isArray(value) ? (value as Node[]) : isNode(value) ? [value] : []
  for (const p of parts) {
    if (p.type === 'Text' && shown(p.data as string)) out.push({ text: (p.data as string).trim(), at: p.start ?? 0 })
    else if (p.type === 'ExpressionTag') literalsIn(p.expression, out)
  }
}

function walk(node: unknown, out: Finding[]): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, out)
    return
  }
  if (!isNode(node)) return
  if (node.type === 'Text') {
    if (shown(node.data as string)) out.push({ text: (node.data as string).trim(), at: node.start ?? 0 })
    return
  }
  if (node.type === 'Attribute') return attribute(node, out)
  if (node.type === 'ExpressionTag') return literalsIn(node.expression, out)
  for (const [k, v] of Object.entries(node)) {
    // Block tests and `each` sources decide what shows; they are not shown themselves.
    if (k === 'type' || k === 'start' || k === 'end' || k === 'test' || k === 'expression' || k === 'key' || k === 'context') continue
    walk(v, out)
  }
}

export function visibleStrings(source: string): Finding[] {
  const ast = parse(source, { modern: true })
  const out: Finding[] = []
  walk(ast.fragment, out)
  return out
}

/** The placeholders and tags a message uses, by name. */
function argumentsOf(message: string, tag: string): string[] {
  const names = new Set<string>()
  const visit = (nodes: unknown[]): void => {
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value)
      for (const o of Object.values(n.options ?? {})) visit(o.value)
      if (n.children) visit(n.children)
    }
  }
  visit(new IntlMessageFormat(message, tag).getAst())
  return [...names].sort()
}

export function catalogueProblems(reference: Record<string, string>, other: Record<string, string>, tag: string): string[] {
  const problems: string[] = []
  for (const key of Object.keys(reference)) {
    const message = other[key]
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${tag}: missing ${key}`)
      continue
    }
    let theirs: string[]
    try {
      theirs = argumentsOf(message, tag)
    } catch (e) {
      problems.push(`${tag}: ${key} does not parse (${(e as Error).message})`)
      continue
    }
    const ours = argumentsOf(reference[key]!, 'en')
    if (ours.join() !== theirs.join()) problems.push(`${tag}: ${key} uses {${theirs.join(', ')}}, English uses {${ours.join(', ')}}`)
  }
  for (const key of Object.keys(other)) if (!(key in reference)) problems.push(`${tag}: ${key} is not an English key`)
  return problems
}

/**
 * Plural forms a message lacks for counts a screen shows (0–200): Arabic needs zero, one, two,
 * few, many and other, and a message that falls back to "other" for them reads wrongly.
 */
export function pluralGaps(message: string, tag: string): string[] {
  const rules = new Intl.PluralRules(tag)
  const needed = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))
  const gaps: string[] = []
  const visit = (nodes: unknown[]): void => {
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (n.type === 6 && n.options) {
        for (const c of needed) if (!(c in n.options)) gaps.push(`${n.value ?? '?'}: ${c}`)
      }
      for (const o of Object.values(n.options ?? {})) visit(o.value)
      if (n.children) visit(n.children)
    }
  }
  visit(new IntlMessageFormat(message, tag).getAst())
  return gaps
}
