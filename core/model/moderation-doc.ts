/**
 * Facilitators' moderation actions, `shared/moderation` (Yjs), layout version 1. Only
 * facilitators write it (write-rule.ts, FACILITATOR_DOCS); it never touches an author's doc, so
 * facilitators hide words, they never rewrite them.
 *
 *   actions   Y.Array of {
 *               item:    Ref                      the post or reply acted on
 *               action:  "hide" | "restore" | "escalate"
 *               reason:  Reason | null            why (rule-items.ts); null for restore
 *               rules:   rulesHash | null         the words `reason` counted from
 *               note:    string | null            ≤ NOTE_MAX, shown to the author with the reason
 *               covers:  memberId[]               the flaggers this action reviewed (≤ 1000)
 *               seen:    textHash | null          hash of the item's text when it was reviewed
 *               by:      memberId                 the facilitator, as they claim it
 *               at:      ms }
 *
 * Append-only: the last well-formed action on an item (in the array's order, which Yjs makes
 * the same on every peer) is its state. No clock decides anything.
 */
import type * as Y from 'yjs'
import { hash } from '../crypto/hash.ts'
import { isMemberId } from './doc-id.ts'
import { parseRef, type Ref } from './member-doc.ts'
import { isReason, NOTE_MAX, type Reason } from './rule-items.ts'
import { arrayEntries, type WriterOf } from './shared-writers.ts'

export type ModAction = 'hide' | 'restore' | 'escalate'
export const MOD_ACTIONS: readonly ModAction[] = ['hide', 'restore', 'escalate']
const COVERS_MAX = 1000
const HASH = /^[0-9a-f]{32}$/

export interface ModerationAction {
  item: Ref
  action: ModAction
  reason: Reason | null
  rules: string | null
  note: string | null
  covers: string[]
  seen: string | null
  by: string
  at: number
}

/** What `seen` records: a hash of an item's words, so an edit after a review can be told. */
export function textHash(text: string): string {
  return Buffer.from(hash(new TextEncoder().encode(text), 16)).toString('hex')
}

function read(e: unknown): ModerationAction | null {
  if (typeof e !== 'object' || e === null) return null
  const a = e as Record<string, unknown>
  if (typeof a.item !== 'string' || !parseRef(a.item)) return null
  if (!(MOD_ACTIONS as readonly unknown[]).includes(a.action)) return null
  if (a.reason !== null && !isReason(a.reason)) return null
  if (a.rules !== null && !(typeof a.rules === 'string' && HASH.test(a.rules))) return null
  if (a.note !== null && !(typeof a.note === 'string' && a.note.length <= NOTE_MAX)) return null
  if (!Array.isArray(a.covers) || a.covers.length > COVERS_MAX || !a.covers.every((c) => typeof c === 'string' && isMemberId(c))) return null
  if (a.seen !== null && !(typeof a.seen === 'string' && HASH.test(a.seen))) return null
  if (typeof a.by !== 'string' || !isMemberId(a.by) || !Number.isSafeInteger(a.at) || (a.at as number) < 0) return null
  return {
    item: a.item, action: a.action as ModAction, reason: a.reason as Reason | null, rules: a.rules as string | null,
    note: a.note as string | null, covers: a.covers as string[], seen: a.seen as string | null, by: a.by, at: a.at as number,
  }
}

export class ModerationDoc {
  constructor(readonly doc: Y.Doc) {}

  get actions(): Y.Array<unknown> {
    return this.doc.getArray('actions')
  }

  add(a: ModerationAction): void {
    this.actions.push([{ ...a, covers: a.covers.slice(0, COVERS_MAX) }])
  }

  /**
   * The latest well-formed action per item; malformed entries are skipped. With `writerOf`, `by`
   * is the facilitator whose signed block wrote the action (core/model/shared-writers.ts), and an
   * action no known log wrote is skipped; without it, `by` is the writer's own claim.
   */
  latest(writerOf?: WriterOf): Map<Ref, ModerationAction> {
    const out = new Map<Ref, ModerationAction>()
    for (const { value, client } of arrayEntries(this.actions)) {
      const a = read(value)
      if (!a) continue
      const by = writerOf ? writerOf(client) : a.by
      if (by !== undefined) out.set(a.item, { ...a, by })
    }
    return out
  }
}
