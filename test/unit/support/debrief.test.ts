/**
 * The debrief space's key rule (core/model/debrief.ts) with real sealed boxes: only the holders
 * of the current key read what is written under it; a member who was never a facilitator reads
 * nothing; after a facilitator is demoted the next writer rotates the key, so the demoted one
 * cannot read anything written after. Demotion itself (role.change) is governance's; here the
 * facilitator set is what governance would report before and after it.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { identityFromSeed, type Identity } from '../../../core/crypto/identity.ts'
import { addEntry, currentKey, holdersMatch, keyRecords, openKey, readEntries, rotateKey, type Holder } from '../../../core/model/debrief.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const rnd = seededRandom(testSeed())
const person = (): Identity => identityFromSeed(rnd.bytes(32))
const holder = (i: Identity): Holder => ({ id: hex(i.signPublicKey), boxPublicKey: i.boxPublicKey, boxSecretKey: i.boxSecretKey })
const facs = (...ids: Identity[]): Map<string, string> => new Map(ids.map((i) => [hex(i.signPublicKey), hex(i.boxPublicKey)]))
const texts = (doc: Y.Doc, i: Identity): string[] => readEntries(doc, holder(i)).entries.map((e) => e.text)

/** What a facilitator's node does before writing: rotate when the holders are not the facilitators. */
function write(doc: Y.Doc, author: Identity, facilitators: Map<string, string>, text: string, now: number): void {
  let record = currentKey(doc)
  let key = record && holdersMatch(record, facilitators) ? openKey(record, holder(author)) : null
  if (!record || !key) ({ record, key } = rotateKey(doc, facilitators, holder(author).id, now))
  addEntry(doc, record, key, { by: holder(author).id, at: now, text })
}

describe('debrief space', () => {
  const alder = person()
  const birch = person()
  const cedar = person() // a member, never a facilitator

  it('lets current facilitators read, and a member who is not one read nothing', () => {
    const doc = new Y.Doc()
    write(doc, alder, facs(alder, birch), 'hard session tonight', 1)
    write(doc, birch, facs(alder, birch), 'thank you for holding it', 2)
    expect(keyRecords(doc)).toHaveLength(1)
    expect(texts(doc, alder)).toEqual(['hard session tonight', 'thank you for holding it'])
    expect(texts(doc, birch)).toEqual(['hard session tonight', 'thank you for holding it'])
    expect(readEntries(doc, holder(cedar))).toEqual({ entries: [], sealed: 2 })
    // Not in the clear anywhere in the doc, though every member's node holds it.
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes('hard session')).toBe(false)
  })

  it('rotates when a facilitator is demoted: the demoted one cannot read what is written after', () => {
    const doc = new Y.Doc()
    write(doc, alder, facs(alder, birch), 'before the change', 1)
    // Birch is demoted: governance now reports Alder alone.
    write(doc, alder, facs(alder), 'after the change', 2)
    expect(keyRecords(doc)).toHaveLength(2)
    expect(Object.keys(currentKey(doc)!.lockboxes)).toEqual([holder(alder).id])
    expect(texts(doc, alder)).toEqual(['before the change', 'after the change'])
    expect(readEntries(doc, holder(birch))).toEqual({ entries: [expect.objectContaining({ text: 'before the change' })], sealed: 1 })
    // Had the writer skipped rotation, Birch could read it: the check above depends on rotating.
    const lax = new Y.Doc()
    write(lax, alder, facs(alder, birch), 'before', 1)
    const r = currentKey(lax)!
    addEntry(lax, r, openKey(r, holder(alder))!, { by: holder(alder).id, at: 2, text: 'after, unrotated' })
    expect(texts(lax, birch)).toContain('after, unrotated')
  })

  it('a new facilitator cannot read what was written before they joined the key', () => {
    const doc = new Y.Doc()
    write(doc, alder, facs(alder), 'only me so far', 1)
    write(doc, alder, facs(alder, cedar), 'welcome Cedar', 2)
    expect(texts(doc, cedar)).toEqual(['welcome Cedar'])
  })

  it('two facilitators rotating at once agree on the current key, and every entry stays readable', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    write(a, alder, facs(alder, birch), 'from Alder', 1)
    write(b, birch, facs(alder, birch), 'from Birch', 1)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(keyRecords(a)).toHaveLength(2)
    expect(currentKey(a)!.keyId).toBe(currentKey(b)!.keyId)
    expect(texts(a, alder).sort()).toEqual(['from Alder', 'from Birch'])
    expect(texts(b, birch).sort()).toEqual(['from Alder', 'from Birch'])
  })

  it('a damaged lockbox or entry is counted as sealed, never thrown', () => {
    const doc = new Y.Doc()
    write(doc, alder, facs(alder), 'x', 1)
    const r = currentKey(doc)!
    const bad = { ...r, lockboxes: { [holder(alder).id]: Buffer.from('garbage').toString('base64') } }
    expect(openKey(bad, holder(alder))).toBeNull()
    doc.getArray('entries').push([{ v: 1, id: 'ffffffffffffffff', keyId: r.keyId, sealed: 'AAAA' }, 'junk'])
    expect(readEntries(doc, holder(alder))).toMatchObject({ sealed: 1 })
  })
})
