/**
 * Views are never partial (issue 14): a rebuild after a removal reads every log again, and a feed
 * read while it is under way shows the state before it, whole, never the part rebuilt so far.
 * The rebuild is held half-way by a copy of one member's log whose reads wait on the test.
 */
import { describe, expect, it } from 'vitest'
import { removeMember } from '../../../core/group/membership.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, now, post, pull, syncAll, texts } from '../governance/peers.ts'
import { MemLog } from './support.ts'

/** A copy of a log whose reads wait, once `pause()` is called, until `resume()`. */
class GatedLog extends MemLog {
  private gate: Promise<void> | null = null
  private opened: (() => void) | null = null
  waiting = 0
  pause(): void {
    this.gate = new Promise((r) => (this.opened = r))
  }
  resume(): void {
    this.opened?.()
    this.gate = null
  }
  override async get(index: number): Promise<Uint8Array | null> {
    if (this.gate) {
      this.waiting++
      await this.gate
    }
    return super.get(index)
  }
}

describe('a rebuild', () => {
  it('builds the new state aside: a feed read half-way shows the whole state before it, then the new one', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    const cat = await admit(rnd, fay, 'Cat')
    await syncAll([fay, bob, cat])
    for (let i = 0; i < 5; i++) await post(cat, `cat ${i}`)
    await post(bob, 'bob before')
    await pull(fay, bob)
    const catCopy = new GatedLog(cat.log.key)
    catCopy.blocks.push(...cat.log.blocks)
    await fay.space.catchUp(catCopy)
    const before = texts(fay)
    expect(before).toEqual(['bob before', 'cat 0', 'cat 1', 'cat 2', 'cat 3', 'cat 4'])

    catCopy.pause()
    const removal = removeMember(fay.space, bob.me, now)
    while (catCopy.waiting === 0) await new Promise((r) => setTimeout(r, 5))
    // Half-way through the rebuild: Cat's words are not read again yet, and still show.
    expect(texts(fay)).toEqual(before)
    catCopy.resume()
    expect(await removal).toBe('removed')
    // A former member's words from before the cut-off stay (as the feed shows them).
    expect(texts(fay)).toEqual(before)
    expect(fay.space.governance.membershipOf(bob.me)).toBe('removed')
  })
})
