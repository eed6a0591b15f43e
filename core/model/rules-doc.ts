/**
 * The ground rules, `shared/rules` (Yjs), layout version 1:
 *
 *   versions   Y.Array of { text: string, at: ms, by: memberId }
 *
 * Version n is the n-th entry (1-based). Setting the rules appends; nothing is rewritten, so
 * every member can see what they accepted. If two facilitators set new rules at the same moment,
 * Yjs orders both entries the same way on every peer and the later one is current.
 */
import type * as Y from 'yjs'
import { errors } from '../errors.ts'
import { hash } from '../crypto/hash.ts'
import { LIMITS } from './vocabulary.ts'
import { arrayEntries, type WriterOf } from './shared-writers.ts'

export interface RulesVersion {
  version: number
  text: string
  at: number
  by: string
  /** rulesHash(text): what an acceptance names */
  hash: string
}

/**
 * What a member's acceptance records: a hash of the exact words. Version numbers are positions
 * in a shared array, which a rules writer could shift by deleting an entry; a hash cannot be
 * made to cover words the member never saw.
 */
export function rulesHash(text: string): string {
  return Buffer.from(hash(new TextEncoder().encode(text), 16)).toString('hex')
}

function valid(e: unknown): e is Omit<RulesVersion, 'version'> {
  const v = e as Partial<RulesVersion> | null
  return (
    typeof v === 'object' && v !== null && typeof v.text === 'string' && v.text.length <= LIMITS.rulesText &&
    typeof v.at === 'number' && Number.isFinite(v.at) && typeof v.by === 'string'
  )
}

export class RulesDoc {
  constructor(readonly doc: Y.Doc) {}

  get versions(): Y.Array<unknown> {
    return this.doc.getArray('versions')
  }

  /**
   * The current rules, or null before any were written. Malformed entries keep their number but
   * are skipped. With `writerOf`, `by` is the member whose signed block wrote the version
   * (core/model/shared-writers.ts), '' if none is known; without it, the writer's own claim.
   */
  current(writerOf?: WriterOf): RulesVersion | null {
    const all = arrayEntries(this.versions)
    for (let i = all.length - 1; i >= 0; i--) {
      const { value: e, client } = all[i] as { value: unknown; client: number }
      if (valid(e)) return { version: i + 1, text: e.text, at: e.at, by: writerOf ? (writerOf(client) ?? '') : e.by, hash: rulesHash(e.text) }
    }
    return null
  }

  set(text: string, by: string, now: number): number {
    if (text.trim().length === 0) throw errors.INVALID_INPUT('the rules are empty')
    if (text.length > LIMITS.rulesText) throw errors.INVALID_INPUT(`the rules are longer than ${LIMITS.rulesText} characters`)
    this.versions.push([{ text, at: now, by }])
    return this.versions.length
  }
}
