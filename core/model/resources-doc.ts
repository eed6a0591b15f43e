/**
 * Resources and referrals, layout version 1, in two places:
 *
 *   shared/resources (Yjs; only facilitators write it — Governance.writersOf)
 *     entries    Y.Map  <16-hex id> → { category, name, region, contact, url (https or null), notes,
 *                       addedBy: memberId, suggestion: "<memberId>:<itemId>" | null, at: ms }
 *     dismissed  Y.Map  "<memberId>:<itemId>" → ms      (suggestions a facilitator set aside)
 *   member/<id> (the suggester's own doc)
 *     suggestions Y.Map <16-hex id> → { category, name, region, contact, url, notes, at: ms }
 *
 * Members suggest in their own doc (nobody else can write there), facilitators curate into the
 * shared doc. Both are read as untrusted: anything malformed is left out.
 */
import type * as Y from 'yjs'
import type { ResourceCategory, ResourceFields, ResourceView, SuggestionView } from '../api.ts'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { makeRef, parseRef } from './member-doc.ts'
import { ITEM_ID, RESOURCE_CATEGORY_IDS, SUPPORT_LIMITS } from './support-vocabulary.ts'
import { mapWriter, type WriterOf } from './shared-writers.ts'
import { compareNames } from './name-order.ts'

const L = SUPPORT_LIMITS
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max

/** An https address without credentials or port: the only kind a link may open. */
export function isSafeUrl(v: unknown): v is string {
  if (!isText(v, L.url)) return false
  try {
    const u = new URL(v)
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === ''
  } catch {
    return false
  }
}

function readFields(v: unknown): (ResourceFields & { at: number }) | null {
  const e = v as Record<string, unknown> | null
  if (!e || typeof e !== 'object') return null
  const { category, name, region, contact, url, notes, at } = e
  if (!(RESOURCE_CATEGORY_IDS as readonly unknown[]).includes(category)) return null
  if (!isText(name, L.resourceName) || !name.trim() || !isText(region, L.resourceRegion) || !isText(contact, L.resourceContact)) return null
  if (!isText(notes, L.resourceNotes) || !(url === null || isSafeUrl(url)) || !Number.isSafeInteger(at)) return null
  return { category: category as ResourceCategory, name, region, contact, url, notes, at: at as number }
}

export function checkFields(f: ResourceFields): ResourceFields {
  if (!f.name.trim()) throw errors.INVALID_INPUT('give the resource a name')
  if (!(RESOURCE_CATEGORY_IDS as readonly string[]).includes(f.category)) throw errors.INVALID_INPUT('not a resource category')
  if (f.name.length > L.resourceName || f.region.length > L.resourceRegion || f.contact.length > L.resourceContact || f.notes.length > L.resourceNotes) {
    throw errors.INVALID_INPUT('a field is too long')
  }
  if (f.url !== null && !isSafeUrl(f.url)) throw errors.INVALID_INPUT('a web address must start with https:// and have no port or password')
  return { category: f.category, name: f.name.trim(), region: f.region.trim(), contact: f.contact.trim(), url: f.url, notes: f.notes.trim() }
}

function newId(map: Y.Map<unknown>): string {
  for (;;) {
    const id = Buffer.from(randomBytes(8)).toString('hex')
    if (!map.has(id)) return id
  }
}

export function addSuggestion(memberDoc: Y.Doc, memberId: string, f: ResourceFields, now: number): string {
  const map = memberDoc.getMap<unknown>('suggestions')
  if (map.size >= L.resources) throw errors.INVALID_INPUT('you have made too many suggestions')
  const id = newId(map)
  map.set(id, { ...checkFields(f), at: now })
  return makeRef(memberId, id)
}

export function addEntry(shared: Y.Doc, f: ResourceFields, by: string, suggestion: string | null, now: number): string {
  const map = shared.getMap<unknown>('entries')
  if (map.size >= L.resources) throw errors.INVALID_INPUT('the directory is full')
  const id = newId(map)
  map.set(id, { ...checkFields(f), addedBy: by, suggestion, at: now })
  return id
}

export function removeEntry(shared: Y.Doc, id: string): void {
  const map = shared.getMap<unknown>('entries')
  if (!map.has(id)) throw errors.NOT_FOUND('no such resource')
  map.delete(id)
}

export function dismissSuggestion(shared: Y.Doc, ref: string, now: number): void {
  shared.getMap<unknown>('dismissed').set(ref, now)
}

/** A member's suggestion by ref, as written; null when missing or malformed. */
export function findSuggestion(memberDocs: ReadonlyMap<string, Y.Doc>, ref: string): (ResourceFields & { at: number }) | null {
  const p = parseRef(ref)
  if (!p) return null
  return readFields(memberDocs.get(p.authorId)?.getMap<unknown>('suggestions').get(p.itemId))
}

/** `writerOf`: `addedBy` is then whoever's signed block last saved the entry (shared-writers.ts). */
export function readDirectory(shared: Y.Doc, nameOf: (id: string) => string, writerOf?: WriterOf): ResourceView[] {
  const out: ResourceView[] = []
  const map = shared.getMap<unknown>('entries')
  for (const [id, v] of map) {
    const f = readFields(v)
    const e = v as { addedBy?: unknown; suggestion?: unknown }
    if (!f || !ITEM_ID.test(id) || typeof e.addedBy !== 'string') continue
    const from = typeof e.suggestion === 'string' ? parseRef(e.suggestion) : null
    const signed = writerOf ? writerOf(mapWriter(map, id) ?? -1) : e.addedBy
    if (signed === undefined) continue
    out.push({ ...f, id, addedBy: nameOf(signed), suggestedBy: from ? nameOf(from.authorId) : null })
  }
  return out.sort((a, b) => compareNames(a.category, b.category) || compareNames(a.name, b.name))
}

/** Suggestions not yet added or set aside; `only` limits them to one member's. */
export function readSuggestions(shared: Y.Doc, memberDocs: ReadonlyMap<string, Y.Doc>, nameOf: (id: string) => string, me: string, only: string | null): SuggestionView[] {
  const handled = new Set<string>(shared.getMap<unknown>('dismissed').keys())
  for (const v of shared.getMap<unknown>('entries').values()) {
    const s = (v as { suggestion?: unknown } | null)?.suggestion
    if (typeof s === 'string') handled.add(s)
  }
  const out: SuggestionView[] = []
  for (const [memberId, doc] of memberDocs) {
    if (only !== null && memberId !== only) continue
    for (const [itemId, v] of doc.getMap<unknown>('suggestions')) {
      const f = readFields(v)
      const id = makeRef(memberId, itemId)
      if (!f || !ITEM_ID.test(itemId) || handled.has(id)) continue
      out.push({ ...f, id, by: nameOf(memberId), mine: memberId === me })
    }
  }
  return out.sort((a, b) => b.at - a.at)
}

/** Every web address in the directory: links the opener may open for this group. */
export function directoryUrls(shared: Y.Doc): string[] {
  const out: string[] = []
  for (const v of shared.getMap<unknown>('entries').values()) {
    const f = readFields(v)
    if (f?.url) out.push(f.url)
  }
  return out
}
