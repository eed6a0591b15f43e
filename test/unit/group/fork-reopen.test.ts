/**
 * A rebuild that reads a member's log while Hypercore closes it (session 14, twin; peer-log.ts).
 *
 * Mallory runs one log key on two machines, each writing its own block at index 2 (as
 * test/integration/moderation/twin-equal.test.ts). Alder's space has read machine A's version
 * from a real Hypercore in a real Corestore on a temp folder, through the log store's reader
 * (peerLog). Then machine B's version reaches the reader: Hypercore freezes the stored copy and
 * closes every session, and the reader opens it again. The evidence's freeze asks for a rebuild,
 * and here it runs while the new session is not ready yet (its opening is held until the rebuild
 * asks for a block): it must read the log as the stored copy holds it, so Alder's feed keeps
 * Mallory's two posts below the freeze. Before the fix the log said length 0 in that gap, and the
 * rebuilt feed was empty for good: CI's one failure of twin-equal.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { checkEvidence, makeEvidence, treesPart, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { type CorestoreInstance, type HypercoreSession } from '../../../core/store/holepunch.ts'
import { peerLog, type PeerLog } from '../../../core/store/peer-log.ts'
import { encodeSignedState, readSignedStateAt } from '../../../core/store/tree-proof.ts'
import { link, useCorestores } from '../../helpers/corestores.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { texts } from '../governance/peers.ts'
import { twinMember } from './fork-support.ts'

const store = useCorestores()
const session = async (s: CorestoreInstance, key: Uint8Array): Promise<HypercoreSession> => {
  const c = s.get({ key })
  await c.ready()
  return c
}

/**
 * The log as the space reads it, telling once a block of it is asked for after `watch()`. Its
 * length is not watched: a rebuild reads that first, and the old reader's 0 then ended the
 * catch-up before any block was asked for. No byte budget (quotaEnd): a catch-up then reads the
 * length first, with nothing awaited before it.
 */
function watched(log: PeerLog): { log: PeerLog; watch(): Promise<void> } {
  let on = false
  let asked = (): void => undefined
  const ask = (): void => {
    if (on) asked()
  }
  return {
    watch: () => {
      on = true
      return new Promise<void>((resolve) => (asked = resolve))
    },
    log: {
      key: log.key,
      get length() {
        return log.length
      },
      get byteLength() {
        return log.byteLength
      },
      get: (i) => (ask(), log.get(i)),
      getMany: (ix) => (ask(), log.getMany ? log.getMany(ix) : Promise.all(ix.map((i) => log.get(i)))),
      heldUntil: (from, end) => (ask(), log.heldUntil ? log.heldUntil(from, end) : end),
    },
  }
}

describe('a rebuild while Hypercore closes a member log it froze', () => {
  it('reads the log as the stored copy holds it: the posts below the freeze stay', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const { alder, kp, coreA, coreB, logA, onA, onB, say } = await twinMember(rnd, store)
    await say(onA, 'words on machine A')
    await say(onB, 'words on machine B')
    const at = coreA.length
    const index = treesPart(await readSignedStateAt(coreA, at, null), await readSignedStateAt(coreB, at, null)) as number
    const evidence = makeEvidence(logA.key, kp.publicKey, index, await readSignedStateAt(coreA, at, index), await readSignedStateAt(coreB, at, null), encodeSignedState) as ForkEvidence
    expect(checkEvidence(evidence)?.index, `seed ${seed}`).toBe(2)

    // The reader: machine A's version, read into Alder's space through the log store's reader.
    const reader = store()
    const key = coreA.key as Uint8Array
    const replicating = await session(reader, key)
    link(replicating, coreA)
    await replicating.download({ start: 0, end: at }).done()
    let open = (): void => undefined
    const opening = new Promise<void>((resolve) => (open = resolve))
    const mallory = watched(peerLog(key, await session(reader, key), async () => {
      await opening
      return session(reader, key)
    }))
    await alder.space.catchUp(mallory.log)
    expect(texts(alder)).toEqual(['before the split', 'still shared', 'words on machine A'])

    // Machine B's version arrives: Hypercore freezes the copy and closes every session of it.
    const conflict = new Promise<void>((resolve) => replicating.on('conflict', () => resolve()))
    link(replicating, coreB)
    await say(onB, 'more on machine B')
    await conflict
    // The evidence's freeze rebuilds Alder's docs while the log is not open again yet: the new
    // session is held until the rebuild asks for a block (which waits for it) or is done.
    const asked = mallory.watch()
    const reported = alder.space.reportFork(evidence)
    await Promise.race([asked, reported])
    open()
    expect(await reported).toBe(true)
    expect(alder.space.governance.frozen.get(logA.key)).toBe(2)
    expect(texts(alder), `seed ${seed}`).toEqual(['before the split', 'still shared'])
    expect(mallory.log.length).toBe(at)
  })
})
