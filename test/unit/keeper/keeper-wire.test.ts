/**
 * The keeper access proof (core/keeper/keeper-wire.ts): only a holder of the group secret makes a
 * valid one, it holds for one connection and one keeper only, and its public key opens nothing
 * members use (it differs from the topic and the member-auth key of the same secret).
 */
import { describe, expect, it } from 'vitest'
import { decodeKeep, encodeAccess, encodeKeep, keeperAccess, verifyAccess, ACCESS_BYTES, MAX_KEEP_KEYS } from '../../../core/keeper/keeper-wire.ts'
import { groupTopic } from '../../../core/net/topic.ts'
import { memberAuthKey } from '../../../core/net/auth-message.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const seed = testSeed()
const rnd = seededRandom(seed)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

describe(`keeper access proof (seed ${seed})`, () => {
  const secret = rnd.bytes(32)
  const keeper = rnd.bytes(32)
  const hash = rnd.bytes(64)

  it('verifies for its group, connection and keeper, and names the group by its access key', () => {
    const access = keeperAccess(secret, keeper)
    const m = encodeAccess(access, hash, keeper)
    expect(m.length).toBe(ACCESS_BYTES)
    expect(verifyAccess(m, hash, keeper)).toBe(hex(access.publicKey))
    expect(hex(keeperAccess(secret, keeper).publicKey)).toBe(hex(access.publicKey))
  })

  it('fails on another connection, another keeper, a flipped bit, or the wrong length', () => {
    const m = encodeAccess(keeperAccess(secret, keeper), hash, keeper)
    expect(verifyAccess(m, rnd.bytes(64), keeper)).toBeNull()
    expect(verifyAccess(m, hash, rnd.bytes(32))).toBeNull()
    for (let i = 0; i < m.length; i++) {
      const bad = m.slice()
      bad[i] = (bad[i] as number) ^ (1 << (i % 8))
      const got = verifyAccess(bad, hash, keeper)
      // A flip inside the public key is a proof for another key: never for ours.
      expect(got === null || got !== hex(keeperAccess(secret, keeper).publicKey)).toBe(true)
      if (i === 0 || i >= 33) expect(got).toBeNull()
    }
    expect(verifyAccess(m.subarray(0, 96), hash, keeper)).toBeNull()
    expect(verifyAccess(new Uint8Array(0), hash, keeper)).toBeNull()
  })

  it('is unrelated to the topic and the member-auth key, and differs per keeper', () => {
    const access = keeperAccess(secret, keeper)
    const other = keeperAccess(secret, rnd.bytes(32))
    expect(hex(other.publicKey)).not.toBe(hex(access.publicKey))
    for (const v of [groupTopic(secret), memberAuthKey(secret)]) {
      expect(hex(access.publicKey)).not.toBe(hex(v))
      expect(hex(access.secretKey)).not.toContain(hex(v))
    }
  })

  it('keep messages carry 1 … 64 whole keys and nothing else', () => {
    const keys = Array.from({ length: 130 }, () => rnd.bytes(32))
    const msgs = encodeKeep(keys)
    expect(msgs.length).toBe(3)
    expect(msgs.flatMap((m) => decodeKeep(m) ?? []).map(hex)).toEqual(keys.map(hex))
    expect(decodeKeep(new Uint8Array(0))).toBeNull()
    expect(decodeKeep(new Uint8Array(33))).toBeNull()
    expect(decodeKeep(new Uint8Array(32 * (MAX_KEEP_KEYS + 1)))).toBeNull()
  })
})
