/**
 * The group topic (core/net/topic.ts): pinned derivation, keyed by the group secret only.
 * The known answer was checked against Python's hashlib.blake2b(key=…, digest_size=32).
 */
import { describe, expect, it } from 'vitest'
import { keyedHash } from '../../../core/crypto/hash.ts'
import { groupTopic } from '../../../core/net/topic.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const SECRET = new Uint8Array(32).map((_, i) => i)

describe('group topic', () => {
  it('is BLAKE2b-256 keyed by the group secret over "hearth/group-topic/v1" (v1 known answer)', () => {
    expect(hex(groupTopic(SECRET))).toBe('ba6908d06ae046d04577c2bc4f424327c58ac706386140ff63ea31fbcd6fb71d')
  })

  it('differs for every secret, is stable for one, and is no other derivation of the same secret', () => {
    const rnd = seededRandom(testSeed())
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const secret = rnd.bytes(32)
      const topic = groupTopic(secret)
      expect(topic).toHaveLength(32)
      expect(hex(groupTopic(secret.slice()))).toBe(hex(topic))
      seen.add(hex(topic))
    }
    expect(seen.size).toBe(200)
    const other = keyedHash(SECRET, new TextEncoder().encode('hearth/member-auth/v1/key'))
    expect(hex(groupTopic(SECRET))).not.toBe(hex(other))
    expect(hex(groupTopic(SECRET))).not.toBe(hex(SECRET))
  })

  it('refuses anything but a 32-byte secret', () => {
    for (const bad of [new Uint8Array(0), new Uint8Array(16), new Uint8Array(33), 'secret' as unknown as Uint8Array]) {
      expect(() => groupTopic(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    }
  })
})
