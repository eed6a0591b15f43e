/**
 * Names people see: pseudonyms and group names. A name must not hide characters (a zero-width
 * space after "Alder" looks exactly like "Alder") nor reorder what is around it (bidi controls),
 * and within a group no two members may show names that look alike.
 *
 * - `cleanName`: where a name enters from this device (CLI, API, join, profile, group create or
 *   rename): NFC, trimmed, refused with NAME_NOT_ALLOWED when it holds a refused character.
 * - `nameProblem`: the same rule as a test, for names read from peers' blocks (a hostile peer's
 *   block never passed our schemas).
 * - `skeleton`: Unicode TR39 skeleton(): NFD, map each character through confusables.txt, NFD.
 *   The mapping is the `unhomoglyph` package's table, which is confusables.txt itself.
 * - `resolveNames`: who shows which name, decided the same way by every peer (see the rule there).
 */
import unhomoglyph from 'unhomoglyph'
import { errors } from '../errors.ts'
import { LIMITS } from './vocabulary.ts'

/**
 * Refused anywhere in a name: controls (Cc), format characters (Cf: bidi controls, zero-width
 * characters, word joiner, tags), surrogates and private use (Cs, Co), line and paragraph
 * separators, any space but U+0020, and every default-ignorable code point (Hangul fillers,
 * variation selectors, combining grapheme joiner, Mongolian selectors): all draw nothing.
 */
const REFUSED = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|[^\P{Zs} ]/u
/** Emoji keep working: a variation selector right after a pictograph, a joiner between two. */
const EMOJI_PARTS = /(?<=\p{Extended_Pictographic})[\uFE0E\uFE0F]|(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu
/** More than four combining marks in a row ("zalgo") spill over the lines around a name. */
const MARK_PILE = /\p{M}{5,}/u
/** Labels Hearth itself shows in place of a name; nobody may pick a name that looks like one. */
const RESERVED = ['former member', 'unnamed member', 'you'].map((s) => skeleton(s))

/** Why a name cannot be shown as it is, or null. `name` should already be NFC and trimmed. */
export function nameProblem(name: string): string | null {
  if (REFUSED.test(name.replace(EMOJI_PARTS, ''))) return 'it holds invisible, direction or control characters'
  if (MARK_PILE.test(name)) return 'it piles up accent marks'
  if (/ {2}/.test(name)) return 'it holds a run of spaces'
  const sk = skeleton(name.normalize('NFKC').toLowerCase())
  if (RESERVED.some((r) => sk === r || sk.startsWith(`${r} `))) return 'it looks like a label Hearth shows'
  return null
}

/** A name typed on this device, as it will be stored: NFC and trimmed. Throws NAME_NOT_ALLOWED. */
export function cleanName(raw: string, what = 'name'): string {
  const name = raw.normalize('NFC').trim()
  const problem = nameProblem(name)
  if (problem) throw errors.NAME_NOT_ALLOWED(`the ${what} cannot be used: ${problem}`)
  return name
}

/** A name read from a peer, NFC, or null when it may not be shown. */
export function peerName(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return null
  const name = v.normalize('NFC').trim()
  return name && name.length <= max && !nameProblem(name) ? name : null
}

/** TR39 skeleton(X) = NFD(map(NFD(X))): two names look alike when their skeletons are equal. */
export function skeleton(name: string): string {
  return unhomoglyph(name.normalize('NFD')).normalize('NFD')
}

export interface NameClaim {
  id: string
  /** The name given at admission (governance), unchecked. */
  admitted: unknown
  /** The name in the member's own profile, unchecked; absent or invalid falls back to `admitted`. */
  profile: unknown
}

/** What a member whose name may not be shown is called instead. */
export const unnamed = (id: string): string => `Unnamed member ${id.slice(0, 6)}`

/**
 * Who shows which name. `claims` come in admission order (governance replay order, the same on
 * every peer), so the rule is deterministic:
 * 1. admission names, in admission order: a valid name whose skeleton no earlier member holds
 *    is kept; otherwise the member shows as `unnamed(id)`;
 * 2. profile names, in admission order: shown when valid and its skeleton is not held by another
 *    member (by admission name or an earlier profile name); otherwise the name of step 1 stays.
 * Admission names are reserved for good, so a member renaming later can never take the name of
 * someone who joined under it.
 */
export function resolveNames(claims: readonly NameClaim[], max: number): Map<string, string> {
  const shown = new Map<string, string>()
  const holder = new Map<string, string>()
  for (const c of claims) {
    const name = peerName(c.admitted, max)
    const sk = name === null ? null : skeleton(name)
    if (name !== null && sk !== null && !holder.has(sk)) {
      holder.set(sk, c.id)
      shown.set(c.id, name)
    } else {
      shown.set(c.id, unnamed(c.id))
    }
  }
  for (const c of claims) {
    const name = peerName(c.profile, max)
    if (name === null) continue
    const sk = skeleton(name)
    const h = holder.get(sk)
    if (h !== undefined && h !== c.id) continue
    holder.set(sk, c.id)
    shown.set(c.id, name)
  }
  return shown
}

/** Whether `name` may be taken by `id` next to the names shown now (NAME_TAKEN otherwise). */
export function checkNameFree(name: string, id: string, shown: ReadonlyMap<string, string>, reserved: Iterable<[string, unknown]> = []): void {
  const sk = skeleton(name)
  for (const [other, n] of shown) if (other !== id && skeleton(n) === sk) throw errors.NAME_TAKEN()
  for (const [other, n] of reserved) if (other !== id && typeof n === 'string' && skeleton(n.normalize('NFC').trim()) === sk) throw errors.NAME_TAKEN()
}

/** What views read names from; `names` is the group's decided names when the caller has them. */
export interface NameSource {
  members: ReadonlyMap<string, { pseudonym: string }>
  docs: ReadonlyMap<string, { profile: { get(key: string): unknown } }>
  names?: ReadonlyMap<string, string>
}

const decided = new WeakMap<object, ReadonlyMap<string, string>>()

/**
 * The name a view shows for a member. Without `src.names`, the current members (in the map's
 * order, which is admission order) are resolved once per source object.
 */
export function shownName(src: NameSource, id: string): string {
  let names = src.names ?? decided.get(src)
  if (!names) {
    names = resolveNames([...src.members].map(([m, r]) => ({ id: m, admitted: r.pseudonym, profile: src.docs.get(m)?.profile.get('pseudonym') })), LIMITS.pseudonym)
    decided.set(src, names)
  }
  return names.get(id) ?? 'former member'
}

/** A group's name as shown: one a peer wrote with refused characters shows as "Unnamed group". */
export function shownGroupName(v: unknown): string {
  return peerName(v, LIMITS.groupName) ?? 'Unnamed group'
}
