/**
 * The debrief space against a real demotion (role.change with its cut-off, core/group/membership.ts)
 * on real GroupSpaces over array-backed device logs, synced by reading each other's logs, with
 * the real block codec: a member who never facilitated reads nothing; after Fin is made a member,
 * Fay's next write rotates the key to the facilitators alone, so Fin can open what was written
 * before and nothing written after; and Fin's own write after the cut-off, made before Fin heard
 * of the demotion, is refused by every other peer.
 */
import { describe, expect, it } from 'vitest'
import { changeRole } from '../../../core/group/membership.ts'
import { DEBRIEF, holder, readDebrief, writeDebrief } from '../../../core/group/debrief-handlers.ts'
import { keyRecords, readEntries } from '../../../core/model/debrief.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, now, pull, syncAll, type Peer } from '../governance/peers.ts'

const opened = (p: Peer): string[] => readEntries(p.space.docs.doc(DEBRIEF), holder(p.space)).entries.map((e) => e.text)

describe('debrief and demotion', () => {
  it('a demoted facilitator cannot read what is written after the demotion, and a member never could', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const cara = await admit(rnd, fay, 'Cara', 'member')
    const all = [fay, fin, cara]
    await syncAll(all)

    await writeDebrief(fay.space, 'before the change', now())
    await syncAll(all)
    expect(opened(fin)).toEqual(['before the change'])
    expect(opened(cara)).toEqual([])
    expect(await readDebrief(cara.space, now())).toMatchObject({ canRead: false, entries: [], sealed: 1 })
    await expect(writeDebrief(cara.space, 'let me in', now())).rejects.toMatchObject({ code: 'NOT_ALLOWED' })

    await changeRole(fay.space, fin.me, 'member', undefined, now)
    // Fin has not heard yet and writes as a facilitator: past the cut-off, so nobody else takes it.
    await writeDebrief(fin.space, 'stale write after the cut-off', now())
    await pull(fay, fin)
    await pull(cara, fin)
    await writeDebrief(fay.space, 'after the change', now())
    await syncAll(all)

    expect(fin.space.governance.members.get(fin.me)?.role).toBe('member')
    expect(keyRecords(fay.space.docs.doc(DEBRIEF)).length).toBeGreaterThanOrEqual(2)
    const view = await readDebrief(fay.space, now())
    expect(view.holders).toEqual(['Fay'])
    expect(view.entries.map((e) => e.text)).toEqual(['before the change', 'after the change'])
    // Fin's device holds the ciphertext of the new entry but no key that opens it.
    expect(opened(fin)).toContain('before the change')
    expect(opened(fin)).not.toContain('after the change')
    expect(await readDebrief(fin.space, now())).toMatchObject({ canRead: false, entries: [] })
    await expect(writeDebrief(fin.space, 'again', now())).rejects.toMatchObject({ code: 'NOT_ALLOWED' })
    expect(opened(cara)).toEqual([])
  })
})
