/**
 * The swarm's Noise key pair (core/net/swarm-keys.ts): one per membership and run, never shared
 * across groups, and unrelated to the member identity that signs.
 */
import { describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { swarmKeyPair, swarmSalt } from '../../../core/net/swarm-keys.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const fill = (n: number, len = 32): Uint8Array => new Uint8Array(len).fill(n)

describe('swarm key pairs', () => {
  it('v1 known answer: the same secret, group and salt give the same key', () => {
    const kp = swarmKeyPair(fill(5), fill(0xab, 16), fill(9))
    expect(hex(kp.publicKey)).toBe('1a7e9507f551364118bb557aeebea0a33a73844a6d184a01c2cd5d291486cbab')
    expect(kp.secretKey).toHaveLength(64)
    expect(hex(swarmKeyPair(fill(5), fill(0xab, 16), fill(9)).publicKey)).toBe(hex(kp.publicKey))
  })

  it('one person in two groups, two runs, or two people in one group: never the same key', () => {
    const keys = [
      swarmKeyPair(fill(5), fill(1, 16), fill(9)),
      swarmKeyPair(fill(5), fill(2, 16), fill(9)),
      swarmKeyPair(fill(5), fill(1, 16), fill(10)),
      swarmKeyPair(fill(6), fill(1, 16), fill(9)),
      swarmKeyPair(fill(5), fill(1, 16), swarmSalt()),
      swarmKeyPair(fill(5), fill(1, 16), swarmSalt()),
    ].map((k) => hex(k.publicKey))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('is not the membership identity key made from the same secret', () => {
    const identity = identityFromSeed(fill(5))
    expect(hex(swarmKeyPair(fill(5), fill(1, 16), fill(9)).publicKey)).not.toBe(hex(identity.signPublicKey))
  })

  it('refuses malformed inputs', () => {
    const code = expect.objectContaining({ code: 'INVALID_INPUT' })
    expect(() => swarmKeyPair(fill(5, 31), fill(1, 16), fill(9))).toThrow(code)
    expect(() => swarmKeyPair(fill(5), new Uint8Array(0), fill(9))).toThrow(code)
    expect(() => swarmKeyPair(fill(5), fill(1, 65), fill(9))).toThrow(code)
    expect(() => swarmKeyPair(fill(5), fill(1, 16), fill(9, 16))).toThrow(code)
  })
})
