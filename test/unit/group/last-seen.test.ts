/**
 * LastSeenStore (core/group/last-seen.ts): the stored text round-trips, a damaged or foreign text
 * reads as "never seen" instead of throwing, unchanged times are not written again, and a save
 * after the profile locked loses nothing but that save. The personal-doc store is an in-memory
 * stand-in with the same read/write contract (the real one is in the restart integration test).
 */
import { describe, expect, it } from 'vitest'
import { LastSeenStore, lastSeenDocName } from '../../../core/group/last-seen.ts'

const GROUP = 'ab'.repeat(16)
const M1 = '1'.repeat(64)
const M2 = '2'.repeat(64)

function memory(): { texts: Map<string, string>; writes: number; locked: boolean; read(n: string): string | null; write(n: string, t: string): Promise<void> } {
  return {
    texts: new Map(), writes: 0, locked: false,
    read(n) { return this.texts.get(n) ?? null },
    async write(n, t) {
      if (this.locked) throw new Error('locked')
      this.writes++
      this.texts.set(n, t)
    },
  }
}

describe('last seen store', () => {
  it('round-trips through its personal doc, and does not write unchanged times again', async () => {
    const p = memory()
    const s = new LastSeenStore(p, GROUP, () => 1)
    await s.saveNow(new Map([[M1, 1_700_000_000_000], [M2, 1_700_000_000_500]]))
    expect(JSON.parse(p.texts.get(lastSeenDocName(GROUP)) as string)).toEqual({ v: 1, seen: { [M1]: 1_700_000_000_000, [M2]: 1_700_000_000_500 } })
    const again = new LastSeenStore(p, GROUP, () => 1)
    expect(again.load()).toEqual(new Map([[M1, 1_700_000_000_000], [M2, 1_700_000_000_500]]))
    await again.saveNow(new Map([[M2, 1_700_000_000_500], [M1, 1_700_000_000_000]]))
    expect(p.writes).toBe(1)
  })

  it('keeps when the group’s keeper was last reached, across a restart, in the same sealed doc', async () => {
    const p = memory()
    const s = new LastSeenStore(p, GROUP, () => 1)
    s.load()
    expect(s.keeperReached(M2)).toBeNull()
    s.noteKeeper(M2, 1_700_000_000_900)
    await s.saveNow(new Map([[M1, 1_700_000_000_000]]))
    expect(JSON.parse(p.texts.get(lastSeenDocName(GROUP)) as string)).toEqual({ v: 1, seen: { [M1]: 1_700_000_000_000 }, keeper: { [M2]: 1_700_000_000_900 } })
    const again = new LastSeenStore(p, GROUP, () => 1)
    // The keeper is no member: it stays out of the members' last-seen times.
    expect(again.load()).toEqual(new Map([[M1, 1_700_000_000_000]]))
    expect(again.keeperReached(M2)).toBe(1_700_000_000_900)
    for (const bad of [`{"v":1,"seen":{},"keeper":{"${M2}":"soon"}}`, '{"v":1,"seen":{},"keeper":{"zz":5}}', '{"v":1,"seen":{},"keeper":7}']) {
      const q = memory()
      q.texts.set(lastSeenDocName(GROUP), bad)
      const t = new LastSeenStore(q, GROUP, () => 1)
      t.load()
      expect(t.keeperReached(M2)).toBeNull()
    }
  })

  it('reads damaged, foreign or hostile text as never seen', () => {
    for (const text of ['', 'not json', '{"v":2,"seen":{}}', '[]', `{"v":1,"seen":{"${M1}":"soon","zz":5,"${M2}":-1}}`, '{"v":1,"seen":null}']) {
      const p = memory()
      p.texts.set(lastSeenDocName(GROUP), text)
      expect(new LastSeenStore(p, GROUP, () => 1).load(), text).toEqual(new Map())
    }
    const p = memory()
    p.texts.set(lastSeenDocName(GROUP), `{"v":1,"seen":{"${M1}":5,"zz":5}}`)
    expect(new LastSeenStore(p, GROUP, () => 1).load()).toEqual(new Map([[M1, 5]]))
  })

  it('a save once locked is dropped without throwing', async () => {
    const p = memory()
    p.locked = true
    await expect(new LastSeenStore(p, GROUP, () => 1).saveNow(new Map([[M1, 5]]))).resolves.toBeUndefined()
    expect(p.texts.size).toBe(0)
  })
})
