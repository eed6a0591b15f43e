/** Shared helpers for the model tests: seeded member ids, coded-error capture, raw doc writes. */
import * as Y from 'yjs'
import { HearthError } from '../../../core/errors.ts'
import type { MemberDoc } from '../../../core/model/member-doc.ts'
import type { MemberInfo, ViewSource } from '../../../core/model/views.ts'
import type { RulesVersion } from '../../../core/model/rules-doc.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export function memberIds(rnd: SeededRandom, n: number): string[] {
  return Array.from({ length: n }, () => hex(rnd.bytes(32)))
}

/** The code of the HearthError `f` throws, 'OK' if it returns; any other throw fails the test. */
export function codeOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw new Error(`uncoded error: ${String(e)}`)
  }
  return 'OK'
}

/** Writes a post map exactly as given, bypassing MemberDoc's checks (what a hostile peer can do). */
export function rawPost(doc: MemberDoc, itemId: string, fields: Record<string, unknown>): void {
  rawItem(doc.posts, itemId, { topic: 'story', text: 'raw', cw: null, createdAt: 1, ...fields })
}

export function rawReply(doc: MemberDoc, itemId: string, fields: Record<string, unknown>): void {
  rawItem(doc.replies, itemId, { text: 'raw', createdAt: 1, ...fields })
}

function rawItem(map: Y.Map<Y.Map<unknown>>, itemId: string, fields: Record<string, unknown>): void {
  const doc = map.doc as Y.Doc
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    map.set(itemId, m)
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v)
  })
}

export function viewSource(p: {
  me: string
  members: MemberInfo[]
  docs: MemberDoc[]
  rules?: RulesVersion | null
}): ViewSource {
  return {
    me: p.me,
    members: new Map(p.members.map((m) => [m.id, m])),
    docs: new Map(p.docs.map((d) => [d.memberId, d])),
    rules: p.rules ?? null,
  }
}

/** Makes an item id from a small number, so ordering by id is easy to read in a test. */
export const itemId = (n: number): string => n.toString(16).padStart(16, '0')
