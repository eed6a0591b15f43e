/**
 * The group's keeper in governance (core/group/keeper-rules.ts), on real GroupSpaces over
 * in-memory logs: only a facilitator's keeper.add / keeper.remove count, on every peer, even when
 * a member's modified client writes one; two facilitators adding different keepers at once
 * resolve the same way everywhere; a removal needs the current keeper.
 */
import { describe, expect, it } from 'vitest'
import type { UnsignedEvent } from '../../../core/group/gov-event.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, govState, now, pull, syncAll, type Peer } from './peers.ts'

const seed = testSeed()
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** Writes a keeper event straight into the peer's log, as a modified client could: no API check. */
async function write(p: Peer, kind: 'keeper.add' | 'keeper.remove', keeper: string, register: string): Promise<void> {
  const gov = p.space.governance
  const body = kind === 'keeper.add' ? { keeper, register } : { keeper }
  await p.space.writeGovernance({ v: 1, kind, group: gov.groupId, author: p.me, at: now(), seen: p.space.seen(), body } as UnsignedEvent)
}

describe(`the group’s keeper through governance (seed ${seed})`, () => {
  it('counts only facilitators’ events, on every peer; one keeper at a time; the same winner everywhere', async () => {
    const rnd = seededRandom(seed)
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, fin, bob])
    const [k1, k2, k3] = [hex(rnd.bytes(32)), hex(rnd.bytes(32)), hex(rnd.bytes(32))]
    const reg = hex(rnd.bytes(16))

    // A member's keeper.add is refused by every peer, its own included.
    await write(bob, 'keeper.add', k3, reg)
    await syncAll([fay, fin, bob])
    for (const p of [fay, fin, bob]) expect(p.space.governance.keepers.current).toBeNull()

    // Two facilitators, apart, each add a keeper; once they meet, everyone agrees on one.
    await write(fay, 'keeper.add', k1, reg)
    await write(fin, 'keeper.add', k2, reg)
    await syncAll([fay, fin, bob])
    const winner = fay.space.governance.keepers.current?.key
    expect([k1, k2]).toContain(winner)
    for (const p of [fin, bob]) expect(p.space.governance.keepers.current?.key).toBe(winner)
    expect(fay.space.governance.keepers.history).toHaveLength(1)

    // A member cannot remove it; a removal naming another keeper does nothing; a facilitator's does.
    await write(bob, 'keeper.remove', winner as string, reg)
    await write(fin, 'keeper.remove', winner === k1 ? k2 : k1, reg)
    await syncAll([fay, fin, bob])
    for (const p of [fay, fin, bob]) expect(p.space.governance.keepers.current?.key).toBe(winner)
    await write(fay, 'keeper.remove', winner as string, reg)
    await pull(bob, fay)
    await pull(fin, fay)
    for (const p of [fay, fin, bob]) {
      expect(p.space.governance.keepers.current).toBeNull()
      expect(p.space.governance.keepers.history[0]).toMatchObject({ key: winner, removed: { by: fay.me } })
    }
    expect(govState(bob)).toEqual(govState(fay))
  })
})
