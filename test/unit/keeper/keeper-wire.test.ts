/**
 * The keeper access proof (core/keeper/keeper-wire.ts): only a holder of the epoch key makes a
 * valid one, it holds for one connection and one keeper only, it changes with the epoch, and its
 * public key opens nothing members use (it differs from the topic and the member-auth key).
 */
import { describe, expect, it } from 'vitest'
import { decodeKeep, encodeAccess, encodeKeep, keeperAccess, registrationSecret, verifyAccess, ACCESS_BYTES, MAX_KEEP_KEYS } from '../../../core/keeper/keeper-wire.ts'
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
  const register = registrationSecret(rnd.bytes(32))

  it('verifies for its group, connection and keeper, and names the group by its access key', () => {
    const access = keeperAccess(secret, keeper)
    const m = encodeAccess(access, hash, keeper, register)
    expect(m.length).toBe(ACCESS_BYTES)
    expect(verifyAccess(m, hash, keeper, register)).toEqual({ group: hex(access.publicKey), registered: true, asks: true })
    expect(hex(keeperAccess(secret, keeper).publicKey)).toBe(hex(access.publicKey))
  })

  it('fails on another connection, another keeper, a flipped bit, or the wrong length', () => {
    const m = encodeAccess(keeperAccess(secret, keeper), hash, keeper, register)
    expect(verifyAccess(m, rnd.bytes(64), keeper, register)).toBeNull()
    expect(verifyAccess(m, hash, rnd.bytes(32), register)).toBeNull()
    for (let i = 0; i < m.length; i++) {
      const bad = m.slice()
      bad[i] = (bad[i] as number) ^ (1 << (i % 8))
      const got = verifyAccess(bad, hash, keeper, register)
      // A flip inside the public key is a proof for another key: never for ours.
      if (i < 97) expect(got === null || got.group !== hex(keeperAccess(secret, keeper).publicKey)).toBe(true)
      if (i === 0 || (i >= 33 && i < 97)) expect(got).toBeNull()
      // A flip in the registration proof leaves the access valid, but it no longer registers.
      if (i >= 97) expect(got).toEqual({ group: hex(keeperAccess(secret, keeper).publicKey), registered: false, asks: true })
    }
    expect(verifyAccess(m.subarray(0, ACCESS_BYTES - 1), hash, keeper, register)).toBeNull()
    expect(verifyAccess(new Uint8Array(0), hash, keeper, register)).toBeNull()
  })

  it('registers only with the keeper’s own registration secret, on this connection', () => {
    const access = keeperAccess(secret, keeper)
    const otherSecret = registrationSecret(rnd.bytes(32))
    expect(verifyAccess(encodeAccess(access, hash, keeper, otherSecret), hash, keeper, register)?.registered).toBe(false)
    // A proof copied from another connection does not carry over: only the signature is replaced.
    const elsewhere = encodeAccess(access, rnd.bytes(64), keeper, register)
    const spliced = encodeAccess(access, hash, keeper, otherSecret)
    spliced.set(elsewhere.subarray(97), 97)
    expect(verifyAccess(spliced, hash, keeper, register)?.registered).toBe(false)
    expect(register.length).toBe(16)
  })

  it('without the registration proof it asks only to be served a group the keeper knows', () => {
    const access = keeperAccess(secret, keeper)
    expect(verifyAccess(encodeAccess(access, hash, keeper, null), hash, keeper, register)).toEqual({ group: hex(access.publicKey), registered: false, asks: false })
  })

  it('changes with the epoch: a key from one epoch proves nothing for the next', () => {
    const next = rnd.bytes(32)
    expect(hex(keeperAccess(next, keeper).publicKey)).not.toBe(hex(keeperAccess(secret, keeper).publicKey))
    const m = encodeAccess(keeperAccess(secret, keeper), hash, keeper, register)
    expect(verifyAccess(m, hash, keeper, register)?.group).not.toBe(hex(keeperAccess(next, keeper).publicKey))
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
