/**
 * Authorship from signatures (issue 14): the `by` a shared document shows is the member whose
 * signed block wrote the entry. A hostile facilitator (Alder) claims another facilitator's (Fay's)
 * `by`, writes items under Fay's Yjs writer id, and deletes Fay's entries; every peer shows Alder
 * as the writer of what Alder wrote, refuses the rest, and still shows Fay's entries as Fay's.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { sharedDocId } from '../../../core/model/doc-id.ts'
import { removeMember } from '../../../core/group/membership.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { writerClientId } from '../../../core/model/shared-writers.ts'
import { addEntry, readDirectory } from '../../../core/model/resources-doc.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { updateBlock } from '../group/support.ts'
import { admit, founder, now, post, syncAll, type Peer } from '../governance/peers.ts'

const MOD = sharedDocId('moderation')
const RULES = sharedDocId('rules')

/** A raw block in `p`'s own log (a modified client skips our write path). */
async function raw(p: Peer, docId: string, update: Uint8Array): Promise<void> {
  await p.log.append(updateBlock(p.space.epochKey(p.space.currentEpoch), docId, update, p.space.currentEpoch))
}

/** An update made on a copy of `p`'s doc under a chosen Yjs client id. */
function forged(p: Peer, docId: string, clientID: number, fn: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc()
  Y.applyUpdate(d, Y.encodeStateAsUpdate(p.space.docs.doc(docId)))
  d.clientID = clientID
  const before = Y.encodeStateVector(d)
  fn(d)
  return Y.encodeStateAsUpdate(d, before)
}

const bys = (p: Peer): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [item, a] of new ModerationDoc(p.space.docs.doc(MOD)).latest(p.space.governance.writerOf())) out[item] = a.by
  return out
}

describe('authorship of shared documents', () => {
  it('comes from the signing log, whatever the entry claims, on every peer and after a rebuild', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const alder = await admit(rnd, fay, 'Alder', 'facilitator')
    const birch = await admit(rnd, fay, 'Birch')
    const peers = [fay, alder, birch]
    await post(birch, 'one')
    await post(birch, 'two')
    await post(birch, 'three')
    await syncAll(peers)
    const [p1, p2, p3] = [...birch.space.docs.memberDoc(birch.me).posts.keys()].map((id) => `${birch.me}:${id}`) as [string, string, string]
    const action = (item: string, by: string) => ({ item, action: 'hide' as const, reason: 'other' as const, rules: null, note: null, covers: [], seen: null, by, at: now() })

    // Fay hides p1 honestly; Alder hides p2 through the normal write path but claims to be Fay.
    await fay.space.change(MOD, (d) => new ModerationDoc(d).add(action(p1, fay.me)))
    await alder.space.change(MOD, (d) => new ModerationDoc(d).add(action(p2, fay.me)))
    await alder.space.change(RULES, (d) => new RulesDoc(d).set('Be kind', fay.me, now()))
    await syncAll(peers)

    // Alder's modified client: an action under Fay's writer id, and a deletion of Fay's action.
    const asFay = forged(alder, MOD, writerClientId(fay.log.key), (d) => new ModerationDoc(d).add(action(p3, fay.me)))
    await raw(alder, MOD, asFay)
    const erase = forged(alder, MOD, writerClientId(alder.log.key), (d) => {
      const actions = new ModerationDoc(d).actions
      actions.delete(actions.toArray().findIndex((a) => (a as { item: string }).item === p1), 1)
    })
    await raw(alder, MOD, erase)
    await syncAll(peers)

    for (const p of peers) {
      expect(bys(p)).toEqual({ [p1]: fay.me, [p2]: alder.me })
      expect(new RulesDoc(p.space.docs.doc(RULES)).current(p.space.governance.writerOf())?.by).toBe(alder.me)
      const refused = p === alder ? [] : p.space.docs.rejected.filter((r) => r.docId === MOD).map((r) => r.reason)
      if (p !== alder) expect(refused).toEqual(['items written under another writer id', "deletes another writer's entry"])
    }
    // A grant change rebuilds every doc from the accepted blocks: the same writers again.
    const carol = await admit(rnd, fay, 'Carol')
    await removeMember(fay.space, carol.me, now)
    await syncAll(peers)
    for (const p of peers) expect(bys(p)).toEqual({ [p1]: fay.me, [p2]: alder.me })
    // The claimed `by` is still what the entry says: only the signed writer is shown.
    expect(new ModerationDoc(birch.space.docs.doc(MOD)).latest().get(p2)?.by).toBe(fay.me)
  })

  it('a directory entry is shown as added by the facilitator who saved it', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const alder = await admit(rnd, fay, 'Alder', 'facilitator')
    const fields = { category: 'hotline' as const, name: 'Line', region: '', contact: '0800', url: null, notes: '' }
    await alder.space.change(sharedDocId('resources'), (d) => void addEntry(d, fields, fay.me, null, now()))
    await syncAll([fay, alder])
    const names = (id: string): string => (id === fay.me ? 'Fay' : id === alder.me ? 'Alder' : '?')
    const dir = readDirectory(fay.space.docs.doc(sharedDocId('resources')), names, fay.space.governance.writerOf())
    expect(dir.map((e) => e.addedBy)).toEqual(['Alder'])
  })
})
