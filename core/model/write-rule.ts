/**
 * The write rule (DESIGN.md §3.2): whether a block from a device log may touch a doc. It runs
 * before any update reaches a Y.Doc, because Yjs cannot take an update back out once applied.
 *
 * - member/<id>: only blocks from a log attested to member <id>.
 * - shared/<name>: only blocks from a log whose member holds a role the settings name for <name>;
 *   for FACILITATOR_DOCS (moderation, schedule) only facilitators, whatever the settings.
 * - line/<id>: member <id>'s private line: blocks from <id>'s logs or from a facilitator's.
 * - personal/*: never accepted from a device log (personal docs never leave this device).
 *
 * Authority is asked per block *index*, so a later removal or demotion with a cut-off
 * (DESIGN.md §3.3) only has to answer differently for indexes at or past the cut-off.
 */
import { isFacilitatorDoc, parseDocId, type DocRef, type SharedDocName } from './doc-id.ts'

export type Role = 'facilitator' | 'member'

export interface WriteAuthority {
  /** Whether governance has ever attested this device log (unknown logs wait; known ones are judged). */
  knowsLog(logKey: string): boolean
  /** The member a device log speaks for at block `index`, or undefined if none (unknown or cut off). */
  memberForBlock(logKey: string, index: number): string | undefined
  /** The member's role at that block, under the same cut-off rule. */
  roleForBlock(logKey: string, index: number): Role | undefined
  /** Roles that may write a shared doc, from the group settings. */
  writersOf(doc: SharedDocName): readonly Role[]
}

const FACILITATORS: readonly Role[] = ['facilitator']

export type WriteCheck = { ok: true; doc: DocRef; memberId: string } | { ok: false; reason: string }

export function checkWrite(auth: WriteAuthority, logKey: string, index: number, docId: string): WriteCheck {
  const doc = parseDocId(docId)
  if (!doc) return { ok: false, reason: 'unknown document' }
  const memberId = auth.memberForBlock(logKey, index)
  if (!memberId) return { ok: false, reason: 'log is not a member device at this point' }
  switch (doc.cls) {
    case 'member':
      return doc.name === memberId ? { ok: true, doc, memberId } : { ok: false, reason: "another member's document" }
    case 'shared': {
      const role = auth.roleForBlock(logKey, index)
      const writers = isFacilitatorDoc(doc.name) ? FACILITATORS : auth.writersOf(doc.name as SharedDocName)
      return role && writers.includes(role) ? { ok: true, doc, memberId } : { ok: false, reason: 'role may not write this document' }
    }
    case 'line':
      return doc.name === memberId || auth.roleForBlock(logKey, index) === 'facilitator'
        ? { ok: true, doc, memberId }
        : { ok: false, reason: "another member's private line" }
    case 'personal':
      return { ok: false, reason: 'personal documents are never replicated' }
  }
}
