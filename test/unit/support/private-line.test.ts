/**
 * The private line to the facilitators (issue 17) on real GroupSpaces over array-backed device
 * logs with the real block codec and a real demotion: only the member and the current
 * facilitators open a line; facilitators answer and the member reads the answer; another member
 * reads nothing and cannot write on someone else's line (refused by every peer's write rule); a
 * facilitator made a member reads nothing written after, on any line.
 */
import { describe, expect, it } from 'vitest'
import { changeRole } from '../../../core/group/membership.ts'
import { writeLine } from '../../../core/group/private-line-handlers.ts'
import { allLines, lineView } from '../../../core/group/private-line-view.ts'
import { holder } from '../../../core/group/sealed-key.ts'
import { lineDocId } from '../../../core/model/doc-id.ts'
import { readLine } from '../../../core/model/private-line.ts'
import { checkWrite } from '../../../core/model/write-rule.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, now, syncAll, type Peer } from '../governance/peers.ts'

const opened = (p: Peer, line: Peer): string[] => readLine(p.space.docs.doc(lineDocId(line.me)), holder(p.space)).entries.map((e) => e.text)

describe('private line to the facilitators', () => {
  it('the member and the current facilitators read it; a demoted facilitator reads nothing new', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const mia = await admit(rnd, fay, 'Mia')
    const cal = await admit(rnd, fay, 'Cal')
    const all = [fay, fin, mia, cal]
    await syncAll(all)

    await writeLine(mia.space, mia.me, { text: 'my post was hidden, why?', topic: 'hidden-post', about: null }, now())
    await syncAll(all)
    expect(opened(fay, mia)).toEqual(['my post was hidden, why?'])
    expect(opened(fin, mia)).toEqual(['my post was hidden, why?'])
    expect(opened(cal, mia)).toEqual([])
    expect(allLines(fay.space).map((l) => [l.memberName, l.awaitingAnswer])).toEqual([['Mia', true]])
    expect(() => allLines(cal.space)).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }))

    await writeLine(fin.space, mia.me, { text: 'it waits for review; nothing you did wrong', topic: null, about: null }, now())
    await syncAll(all)
    const mine = lineView(mia.space, mia.me)
    expect(mine.messages.map((m) => [m.text, m.fromFacilitator, m.byName])).toEqual([
      ['my post was hidden, why?', false, 'Mia'], ['it waits for review; nothing you did wrong', true, 'Fin'],
    ])
    expect(mine.awaitingAnswer).toBe(false)
    expect(mine.holders.sort()).toEqual(['Fay', 'Fin'])

    // Cal writes on Mia's line through its own log: every peer's write rule refuses the block.
    for (const p of all) expect(checkWrite(p.space.governance, cal.log.key, cal.log.length, lineDocId(mia.me)).ok).toBe(false)
    expect(checkWrite(fay.space.governance, mia.log.key, mia.log.length, lineDocId(mia.me)).ok).toBe(true)

    await changeRole(fay.space, fin.me, 'member', undefined, now)
    await syncAll(all)
    await writeLine(mia.space, mia.me, { text: 'asking for a safety check', topic: 'safety-check', about: null }, now())
    await writeLine(fay.space, mia.me, { text: 'answer after Fin stepped down', topic: null, about: null }, now())
    await syncAll(all)
    expect(opened(mia, mia)).toHaveLength(4)
    expect(opened(fay, mia)).toHaveLength(4)
    // Fin's device holds the ciphertext, but only what was written while Fin facilitated opens.
    expect(opened(fin, mia)).toEqual(['my post was hidden, why?', 'it waits for review; nothing you did wrong'])
    expect(lineView(fin.space, mia.me).sealed).toBe(2)
    expect(lineView(mia.space, mia.me).holders).toEqual(['Fay'])
    expect(opened(cal, mia)).toEqual([])
  })

  it('control: without the rotation before writing, the demoted facilitator would still read (the key rule is what protects)', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const mia = await admit(rnd, fay, 'Mia')
    const all = [fay, fin, mia]
    await syncAll(all)
    await writeLine(mia.space, mia.me, { text: 'first', topic: null, about: null }, now())
    await syncAll(all)
    // Mia's node has not heard of the demotion yet, so it writes under the old key: Fin reads it.
    await changeRole(fay.space, fin.me, 'member', undefined, now)
    await writeLine(mia.space, mia.me, { text: 'written before hearing', topic: null, about: null }, now())
    await syncAll(all)
    expect(opened(fin, mia)).toContain('written before hearing')
  })
})
