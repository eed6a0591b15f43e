/**
 * Epoch rotation (DESIGN.md §3.1, §3.3) with the real block codec: after a removal, every block
 * is sealed under a key the removed member never receives, whichever key it tries; members
 * admitted concurrently with a rotation get the key handed on; lockboxes that do not match their
 * announced check are refused.
 */
import { describe, expect, it } from 'vitest'
import { decodeBlock, encodeBlock, BlockKind } from '../../../core/store/block-codec.ts'
import { openEvent, signEvent } from '../../../core/group/gov-event.ts'
import { removeMember } from '../../../core/group/membership.ts'
import { epochCheck, openLockbox, sealLockboxes } from '../../../core/group/epoch-lockbox.ts'
import { HearthError } from '../../../core/errors.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex, identity, idOf } from '../group/support.ts'
import { admit, founder, keysOf, now, post, pull, syncAll, texts } from './peers.ts'

function opensWith(block: Uint8Array, key: Uint8Array): boolean {
  try {
    decodeBlock(block, () => key)
    return true
  } catch (e) {
    if (e instanceof HearthError) return false
    throw e
  }
}

describe('epoch rotation on removal', () => {
  it('leaves the removed member no key that opens anything written after the removal but the rotation itself', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    const cat = await admit(rnd, fay, 'Cat')
    await syncAll([fay, bob, cat])
    await post(bob, 'bob before')
    await syncAll([fay, bob, cat])
    const removalAt = fay.log.length

    await removeMember(fay.space, bob.me, now)
    await post(fay, 'fay after')
    await fay.space.writeGovernance({
      v: 1, kind: 'invite.create', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { invite: { id: 'ffffffffffffffffffffffffffffffff', publicKey: 'aa'.repeat(32), expiresAt: now() + 1e6, uses: 1, role: 'member', approval: false } },
    }).catch(() => undefined)
    await pull(cat, fay)
    const catFrom = cat.log.length
    await post(cat, 'cat after')
    // Bob's node reads everything the others wrote (as a relay or a keeper could hand it over).
    await pull(bob, fay, cat)
    expect(bob.space.membership).toBe('removed')
    expect(texts(bob)).toEqual(['bob before'])
    expect(texts(cat)).toEqual(['bob before', 'cat after', 'fay after'])

    const bobKeys = [...keysOf(bob).values()]
    expect(bobKeys.length).toBeGreaterThan(0)
    const newer = [...fay.log.blocks.slice(removalAt + 1), ...cat.log.blocks.slice(catFrom)]
    expect(newer.length).toBeGreaterThanOrEqual(4)
    const readable = newer.filter((b) => bobKeys.some((k) => opensWith(b, k)))
    // The one block Bob can open is the rotation, sealed under the key its recipients held: it
    // holds sealed boxes to the remaining members only.
    expect(readable).toHaveLength(1)
    const rotation = decodeBlock(readable[0] as Uint8Array, (e) => keysOf(bob).get(e))
    expect(rotation.kind).toBe(BlockKind.Governance)
    const { event } = openEvent(rotation.payload)
    expect(event.kind).toBe('epoch.rotate')
    if (event.kind !== 'epoch.rotate') return
    expect(Object.keys(event.body.lockboxes).sort()).toEqual([fay.me, cat.me].sort())
    expect(bob.space.holdsEpoch(event.body.epoch)).toBe(false)
    // Everything else the others wrote is under the new epoch, which both of them use.
    expect(fay.space.currentEpoch).toBe(event.body.epoch)
    expect(cat.space.currentEpoch).toBe(event.body.epoch)
  })

  it('hands the new key to a member admitted concurrently with the rotation', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, fin, bob])
    await removeMember(fay.space, bob.me, now)
    await post(fay, 'after the rotation')
    // Fin has not read the rotation and admits Dan with the keys Fin holds.
    const dan = await admit(rnd, fin, 'Dan')
    const current = fay.space.governance.epochs.current
    expect(dan.space.holdsEpoch(current)).toBe(false)
    await syncAll([fay, fin, bob, dan])
    expect(fay.space.governance.lacking()).toEqual([])
    expect(dan.space.holdsEpoch(current)).toBe(true)
    expect(dan.space.currentEpoch).toBe(current)
    expect(texts(dan)).toEqual(['after the rotation'])
    expect(bob.space.holdsEpoch(current)).toBe(false)
  })
})

describe('an invalid rotation that reuses a valid epoch id', () => {
  it('never makes a member write under the impostor’s key, whichever it reads first', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    const cat = await admit(rnd, fay, 'Cat')
    await syncAll([fay, bob, cat])
    await removeMember(fay.space, bob.me, now)
    await pull(bob, fay)
    const valid = fay.space.governance.epochs.current
    // Bob, removed, read the rotation (sealed under a key Bob holds) and forges one with its id.
    const impostor = rnd.bytes(32)
    await bob.log.append(encodeBlock({
      epoch: 0, kind: BlockKind.Governance, docId: 'governance',
      payload: signEvent({
        v: 1, kind: 'epoch.rotate', group: fay.space.groupId as string, author: bob.me, at: now(), seen: bob.space.seen(),
        body: { epoch: valid, check: epochCheck(impostor), lockboxes: sealLockboxes(impostor, [{ id: cat.me, boxKey: hex(cat.id.boxPublicKey) }]) },
      }, bob.id.signSecretKey).payload,
    }, bob.space.epochKey(0)))
    await pull(cat, bob)
    await pull(cat, fay)
    expect(cat.space.currentEpoch).toBe(valid)
    expect(hex(cat.space.epochKey(valid))).toBe(hex(fay.space.epochKey(valid)))
    await post(cat, 'for members only')
    const last = cat.log.blocks.at(-1) as Uint8Array
    expect(opensWith(last, impostor)).toBe(false)
    expect(opensWith(last, fay.space.epochKey(valid))).toBe(true)
  })
})

describe('lockboxes', () => {
  it('open only for their recipient, and only with the key the event announced', () => {
    const rnd = seededRandom(testSeed())
    const [ann, ben] = [identity(rnd), identity(rnd)]
    const key = rnd.bytes(32)
    const boxes = sealLockboxes(key, [ann, ben].map((i) => ({ id: idOf(i), boxKey: hex(i.boxPublicKey) })))
    const check = epochCheck(key)
    expect(hex(openLockbox(boxes[idOf(ann)] as string, check, ann.boxPublicKey, ann.boxSecretKey))).toBe(hex(key))
    const code = (f: () => unknown): string => {
      try {
        f()
        return 'OK'
      } catch (e) {
        return e instanceof HearthError ? e.code : 'uncoded'
      }
    }
    expect(code(() => openLockbox(boxes[idOf(ben)] as string, check, ann.boxPublicKey, ann.boxSecretKey))).toBe('CRYPTO_OPEN_FAILED')
    // A dishonest author seals another key to one member under the same epoch id: refused.
    const forged = sealLockboxes(rnd.bytes(32), [{ id: idOf(ann), boxKey: hex(ann.boxPublicKey) }])
    expect(code(() => openLockbox(forged[idOf(ann)] as string, check, ann.boxPublicKey, ann.boxSecretKey))).toBe('CRYPTO_OPEN_FAILED')
  })

  it('are refused for anyone who is not a member, and an epoch id is never used twice', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const stranger = identity(rnd)
    const key = rnd.bytes(32)
    const body = (epoch: number, to: { id: string; boxKey: string }[]) => ({ epoch, check: epochCheck(key), lockboxes: sealLockboxes(key, to) })
    const me = { id: fay.me, boxKey: hex(fay.id.boxPublicKey) }
    const write = (b: ReturnType<typeof body>) => fay.space.writeGovernance({ v: 1, kind: 'epoch.rotate', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(), body: b })
    await write(body(7, [me, { id: idOf(stranger), boxKey: hex(stranger.boxPublicKey) }]))
    expect(fay.space.governance.epochs.chain).toEqual([0])
    await write(body(7, [me]))
    expect(fay.space.governance.epochs.chain).toEqual([0, 7])
    expect(fay.space.currentEpoch).toBe(7)
    await write(body(7, [me]))
    expect(fay.space.governance.epochs.chain).toEqual([0, 7])
  })
})
