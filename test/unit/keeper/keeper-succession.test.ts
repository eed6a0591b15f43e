/**
 * Keeper succession (core/keeper/keeper-succession.ts, keeper-access-walk.ts): a successor is
 * accepted only from the key it succeeds, signed by the new key for this keeper; a forged one
 * (bad signature, wrong old key, sent to another keeper, malformed) is refused with its code.
 * A remaining member opens its box and is let in under the new key; a removed member finds no
 * box and stops. A member walks back to the key the keeper knows and moves it on.
 */
import { describe, expect, it } from 'vitest'
import { accessSeed, keeperAccess } from '../../../core/keeper/keeper-wire.ts'
import { decodeAnswer, encodeAnswer, encodeSucceed, openSuccessor, verifySucceed } from '../../../core/keeper/keeper-succession.ts'
import { AccessChain, AccessWalk } from '../../../core/keeper/keeper-access-walk.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const seed = testSeed()
const rnd = seededRandom(seed)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const boxPair = (): { publicKey: Uint8Array; secretKey: Uint8Array } => fastProvider.boxKeyPairFromSeed(rnd.bytes(32))

describe(`keeper succession (seed ${seed})`, () => {
  const keeper = rnd.bytes(32)
  const epoch0 = rnd.bytes(32)
  const epoch1 = rnd.bytes(32)
  const a = boxPair()
  const b = boxPair()
  const removed = boxPair()
  const old = keeperAccess(epoch0, keeper)
  const next = keeperAccess(epoch1, keeper)
  const succeed = (): Uint8Array => encodeSucceed(old.publicKey, next, accessSeed(epoch1, keeper), [a.publicKey, b.publicKey], keeper)

  it('accepts the successor of the key proved, signed by the new key for this keeper', () => {
    expect(verifySucceed(succeed(), old.publicKey, keeper)).toEqual({ next: hex(next.publicKey) })
  })

  it('refuses a forged successor with a code: bad signature, wrong old key, another keeper, malformed', () => {
    const m = succeed()
    const badSig = m.slice()
    badSig[70] = (badSig[70] as number) ^ 1
    expect(verifySucceed(badSig, old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' })
    // A forger who does not hold the new key's secret signs with a key of its own: the new key in the message does not verify it.
    const forged = encodeSucceed(old.publicKey, { publicKey: next.publicKey, secretKey: keeperAccess(rnd.bytes(32), keeper).secretKey }, rnd.bytes(32), [a.publicKey], keeper)
    expect(verifySucceed(forged, old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' })
    // Boxes swapped after signing: the signature covers them.
    const swapped = m.slice()
    swapped[m.length - 1] = (swapped[m.length - 1] as number) ^ 1
    expect(verifySucceed(swapped, old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' })
    expect(verifySucceed(m, keeperAccess(rnd.bytes(32), keeper).publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_WRONG_OLD' })
    // Replayed to another keeper: signed for this one only.
    const otherKeeper = rnd.bytes(32)
    expect(verifySucceed(m, old.publicKey, otherKeeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' })
    expect(verifySucceed(m.subarray(0, m.length - 1), old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_MALFORMED' })
    expect(verifySucceed(new Uint8Array(0), old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_MALFORMED' })
    const self = encodeSucceed(old.publicKey, old, accessSeed(epoch0, keeper), [a.publicKey], keeper)
    expect(verifySucceed(self, old.publicKey, keeper)).toEqual({ refused: 'KEEPER_SUCCESSOR_KNOWN' })
  })

  it('a remaining member opens its box and gets the new key; a removed member gets nothing', () => {
    const m = succeed()
    expect(hex(openSuccessor(m, old.publicKey, keeper, a)?.publicKey as Uint8Array)).toBe(hex(next.publicKey))
    expect(hex(openSuccessor(m, old.publicKey, keeper, b)?.publicKey as Uint8Array)).toBe(hex(next.publicKey))
    expect(openSuccessor(m, old.publicKey, keeper, removed)).toBeNull()
    expect(openSuccessor(m, next.publicKey, keeper, a)).toBeNull()
    expect(openSuccessor(m, old.publicKey, rnd.bytes(32), a)).toBeNull()
  })

  it('answers round-trip, and nothing else decodes as one', () => {
    for (const x of [{ kind: 'served' }, { kind: 'unknown' }] as const) expect(decodeAnswer(encodeAnswer(x))).toEqual(x)
    const m = succeed()
    expect(decodeAnswer(encodeAnswer({ kind: 'retired', succeed: m }))).toEqual({ kind: 'retired', succeed: m })
    expect(decodeAnswer(Uint8Array.of(2, 1, 2))).toBeNull()
    expect(decodeAnswer(Uint8Array.of(9))).toBeNull()
  })

  it('a member walks back to the key the keeper knows and moves it on; after a retirement it follows its box', () => {
    const chain = new AccessChain(keeper)
    chain.set([epoch0, epoch1], [a.publicKey, b.publicKey])
    const walk = new AccessWalk(chain, a)
    const first = walk.start()
    expect(first).toMatchObject({ kind: 'access', register: false })
    expect(hex((first as { pair: { publicKey: Uint8Array } }).pair.publicKey)).toBe(hex(next.publicKey))
    const back = walk.onAnswer({ kind: 'unknown' })
    expect(hex((back as { pair: { publicKey: Uint8Array } }).pair.publicKey)).toBe(hex(old.publicKey))
    const move = walk.onAnswer({ kind: 'served' })
    expect(move?.kind).toBe('succeed')
    expect(verifySucceed((move as { message: Uint8Array }).message, old.publicKey, keeper)).toEqual({ next: hex(next.publicKey) })
    expect(walk.onAnswer({ kind: 'served' })).toMatchObject({ kind: 'served' })
    expect(hex(walk.servedKey?.publicKey as Uint8Array)).toBe(hex(next.publicKey))

    // B, offline through the rotation, holds epoch 0 only: the keeper says retired, B opens its box.
    const bChain = new AccessChain(keeper)
    bChain.set([epoch0], [])
    const bWalk = new AccessWalk(bChain, b)
    bWalk.start()
    const via = bWalk.onAnswer({ kind: 'retired', succeed: succeed() })
    expect(via).toMatchObject({ kind: 'access', register: false })
    expect(hex((via as { pair: { publicKey: Uint8Array } }).pair.publicKey)).toBe(hex(next.publicKey))

    // The removed member holds epoch 0 too, but finds no box: it stops.
    const cChain = new AccessChain(keeper)
    cChain.set([epoch0], [])
    const cWalk = new AccessWalk(cChain, removed)
    cWalk.start()
    expect(cWalk.onAnswer({ kind: 'retired', succeed: succeed() })).toEqual({ kind: 'stop', code: 'KEEPER_ACCESS_RETIRED' })
  })

  it('a group the keeper does not know is registered under the current key', () => {
    const chain = new AccessChain(keeper)
    chain.set([epoch0, epoch1], [a.publicKey])
    const walk = new AccessWalk(chain, a)
    walk.start()
    walk.onAnswer({ kind: 'unknown' })
    const register = walk.onAnswer({ kind: 'unknown' })
    expect(register).toMatchObject({ kind: 'access', register: true })
    expect(hex((register as { pair: { publicKey: Uint8Array } }).pair.publicKey)).toBe(hex(next.publicKey))
    expect(walk.onAnswer({ kind: 'served' })?.kind).toBe('served')
    const lone = new AccessWalk(chain, a)
    lone.start()
    lone.onAnswer({ kind: 'unknown' })
    lone.onAnswer({ kind: 'unknown' })
    expect(lone.onAnswer({ kind: 'unknown' })).toEqual({ kind: 'stop', code: 'KEEPER_GROUP_UNKNOWN' })
    expect(new AccessWalk(new AccessChain(keeper), a).start()).toBeNull()
  })
})
