/**
 * Moderation state as a pure function of the docs: flags in members' own docs (flags.ts), the
 * facilitators' actions (moderation-doc.ts), the group's flag threshold and the current rules.
 * Every peer holding the same docs computes the same answer; no clock takes part.
 *
 * An item is hidden for everyone but its author when
 *   - the latest facilitator action on it is "hide" or "escalate", or
 *   - the flags that count reach the threshold. Flags count if they come from a current member
 *     other than the author and, when the latest action is "restore", from a member that restore
 *     did not already review (`covers`). So a restore holds until that many NEW flaggers object.
 * An author's edit does not un-hide: the item stays in the queue, marked edited, for a
 * facilitator to restore (an edit that un-hid would let anyone undo a hide by retyping).
 */
import type { HiddenNotice, ModerationItem, ReasonView } from '../api.ts'
import { flagsIn, type Flag } from './flags.ts'
import type { MemberDoc, Ref } from './member-doc.ts'
import { shownName } from './names.ts'
import { parseRef } from './member-doc.ts'
import { textHash, type ModerationAction } from './moderation-doc.ts'
import type { RulesVersion } from './rules-doc.ts'
import { reasonLabel, reasonView, ruleItems, type Reason } from './rule-items.ts'
import type { MemberInfo } from './views.ts'
import { LIMITS } from './vocabulary.ts'
import { compareNames } from './name-order.ts'

export interface ModerationSource {
  members: ReadonlyMap<string, MemberInfo>
  docs: ReadonlyMap<string, MemberDoc>
  /**
   * Flags a member holds beyond its doc in `docs`, by member id: a newcomer's preview knows some
   * only from its writer's tail index (tail-preview.ts). Counted like the doc's; the doc's own
   * value of a flag wins.
   */
  held?: ReadonlyMap<string, readonly Flag[]>
  actions: ReadonlyMap<Ref, ModerationAction>
  threshold: number
  rules: RulesVersion | null
  /** The names every member shows, decided for the group (core/model/names.ts). */
  names?: ReadonlyMap<string, string>
}

export interface ItemState {
  ref: Ref
  author: string
  /** every flag on the item from a current member other than its author, by flagger */
  flags: Map<string, Flag>
  /** flaggers that count toward the threshold now */
  counting: string[]
  hidden: boolean
  hiddenBy: 'flags' | 'facilitator' | null
  escalated: boolean
  action: ModerationAction | null
}

/** The state of every item that has a flag or an action; items absent from the map are untouched. */
export function moderationIndex(src: ModerationSource): Map<Ref, ItemState> {
  const out = new Map<Ref, ItemState>()
  const entry = (ref: Ref): ItemState | null => {
    const p = parseRef(ref)
    if (!p) return null
    let s = out.get(ref)
    if (!s) {
      s = { ref, author: p.authorId, flags: new Map(), counting: [], hidden: false, hiddenBy: null, escalated: false, action: null }
      out.set(ref, s)
    }
    return s
  }
  for (const [flagger, doc] of src.docs) {
    if (!src.members.has(flagger)) continue
    for (const f of flagsIn(doc)) {
      if (parseRef(f.target)?.authorId === flagger) continue
      entry(f.target)?.flags.set(flagger, f)
    }
  }
  for (const [flagger, flags] of src.held ?? []) {
    if (!src.members.has(flagger)) continue
    for (const f of flags) {
      if (parseRef(f.target)?.authorId === flagger) continue
      const s = entry(f.target)
      if (s && !s.flags.has(flagger)) s.flags.set(flagger, f)
    }
  }
  for (const [ref, a] of src.actions) {
    const s = entry(ref)
    if (s) s.action = a
  }
  for (const s of out.values()) {
    const a = s.action
    const reviewed = new Set(a?.action === 'restore' ? a.covers : [])
    s.counting = [...s.flags.keys()].filter((m) => !reviewed.has(m)).sort()
    if (a && a.action !== 'restore') {
      s.hidden = true
      s.hiddenBy = 'facilitator'
      s.escalated = a.action === 'escalate'
    } else if (s.counting.length >= src.threshold) {
      s.hidden = true
      s.hiddenBy = 'flags'
    }
  }
  return out
}

type Worded = { label: string } & ReasonView
type Labeller = (reason: Reason, hash: string | null) => Worded

/** A reason in core's English (for the CLI) and in parts (for front ends that word it themselves). */
function labeller(rules: RulesVersion | null): Labeller {
  const items = rules ? ruleItems(rules.text) : []
  return (reason, hash) => {
    const same = hash !== null && hash === rules?.hash
    return { label: reasonLabel(reason, items, same), ...reasonView(reason, items, same) }
  }
}

function reasonCounts(s: ItemState, label: Labeller): (Worded & { count: number })[] {
  const counts = new Map<string, Worded & { count: number }>()
  for (const m of s.counting.length ? s.counting : [...s.flags.keys()]) {
    const f = s.flags.get(m) as Flag
    const w = label(f.reason, f.rules)
    const seen = counts.get(w.label)
    if (seen) seen.count++
    else counts.set(w.label, { ...w, count: 1 })
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareNames(a.label, b.label))
}

/** What the author of a hidden item is told. */
export function hiddenNotice(s: ItemState, rules: RulesVersion | null): HiddenNotice {
  const label = labeller(rules)
  if (s.hiddenBy === 'facilitator' && s.action) {
    const reasons = s.action.reason ? [{ ...label(s.action.reason, s.action.rules), count: 1 }] : []
    return { by: 'facilitator', reasons, note: s.action.note, escalated: s.escalated }
  }
  return { by: 'flags', reasons: reasonCounts(s, label), note: null, escalated: false }
}

const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const nameOf = (src: ModerationSource, id: string): string => shownName(src, id)

/**
 * The facilitators' queue: items that exist, are not deleted, and are hidden or carry flags that
 * count. Hidden first, then by flags, then by id, so every facilitator sees the same order.
 */
export function moderationQueue(src: ModerationSource, index = moderationIndex(src)): ModerationItem[] {
  const label = labeller(src.rules)
  const out: ModerationItem[] = []
  for (const s of index.values()) {
    if (!s.hidden && s.counting.length === 0) continue
    const item = readTarget(src, s.ref)
    if (!item) continue
    const a = s.action
    out.push({
      id: s.ref, kind: item.kind, author: s.author, authorName: nameOf(src, s.author), text: item.text, cw: item.cw,
      createdAt: item.createdAt, editedAt: item.editedAt, hidden: s.hidden, hiddenBy: s.hiddenBy, escalated: s.escalated,
      flags: s.counting.length, flagsTotal: s.flags.size, reasons: reasonCounts(s, label),
      flaggers: [...s.flags.keys()].map((m) => nameOf(src, m)).sort(),
      lastAction: a ? lastActionOf(src, a, label) : null,
      editedSinceReview: a?.seen != null && a.seen !== textHash(item.text),
    })
  }
  return out.sort((x, y) => Number(y.hidden) - Number(x.hidden) || y.flags - x.flags || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
}

function lastActionOf(src: ModerationSource, a: ModerationAction, label: Labeller): ModerationItem['lastAction'] {
  const worded = a.reason ? label(a.reason, a.rules) : null
  const reasonView: ReasonView | null = worded && { rule: worded.rule, current: worded.current, words: worded.words }
  return { action: a.action, byName: nameOf(src, a.by), at: a.at, reason: worded?.label ?? null, reasonView, note: a.note }
}

/** A live (not deleted, well-formed) post or reply of a current member, by ref. */
export function readTarget(
  src: Pick<ModerationSource, 'members' | 'docs'>, ref: Ref,
): { kind: 'post' | 'reply'; text: string; cw: string | null; createdAt: number; editedAt: number | null } | null {
  const p = parseRef(ref)
  if (!p || !src.members.has(p.authorId)) return null
  const found = src.docs.get(p.authorId)?.item(p.itemId)
  if (!found || found.map.get('deleted') === true) return null
  const text = found.map.get('text')
  const createdAt = found.map.get('createdAt')
  const editedAt = found.map.get('editedAt')
  const cw = found.map.get('cw') ?? null
  if (typeof text !== 'string' || text.length > LIMITS.postText || !isTime(createdAt)) return null
  if (cw !== null && !(typeof cw === 'string' && cw.length <= LIMITS.contentWarning)) return null
  return { kind: found.kind, text, cw, createdAt, editedAt: isTime(editedAt) ? editedAt : null }
}
