/**
 * Derivations from the invite secret, v1: the documented construction, the pinned fixture, and
 * the properties the design relies on (topic and id need only the public key; distinct labels).
 */
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import { keyedHash } from '../../../core/crypto/hash.ts'
import { admitPublicKey, sign, verifySignature } from '../../../core/crypto/sign.ts'
import { parseInviteCode } from '../../../core/group/invite-code.ts'
import { inviteId, inviteKeyPair, invitePublic, inviteTopic, wipeInviteKeys } from '../../../core/group/invite-keys.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { bytes, codeOf, fixture, hex } from './support.ts'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const rnd = seededRandom(testSeed())

describe('invite derivations v1', () => {
  it('follow the documented construction', () => {
    const secret = rnd.bytes(16)
    const kp = inviteKeyPair(secret)
    const seed = keyedHash(secret, utf8('hearth/invite/v1/sign'))
    expect(hex(kp.secretKey)).toBe(hex(nacl.sign.keyPair.fromSeed(seed).secretKey))
    expect(hex(inviteTopic(kp.publicKey))).toBe(hex(keyedHash(utf8('hearth/invite/v1/topic'), kp.publicKey, 32)))
    expect(inviteId(kp.publicKey)).toBe(hex(keyedHash(utf8('hearth/invite/v1/id'), kp.publicKey, 16)))
  })

  it('match the pinned fixture, starting from the code a person types', () => {
    for (const c of fixture.invites) {
      const kp = inviteKeyPair(parseInviteCode(c.code.toLowerCase()).secret)
      const pub = invitePublic(kp.publicKey)
      expect(hex(pub.publicKey)).toBe(c.publicKeyHex)
      expect(hex(pub.topic)).toBe(c.topicHex)
      expect(pub.id).toBe(c.id)
    }
  })

  it('give a usable, admissible signing key, and differ for every secret', () => {
    const seen = new Set<string>()
    for (let n = 0; n < 100; n++) {
      const kp = inviteKeyPair(rnd.bytes(16))
      expect(() => admitPublicKey(kp.publicKey)).not.toThrow()
      const msg = rnd.bytes(40)
      expect(verifySignature(sign(msg, kp.secretKey), msg, kp.publicKey)).toBe(true)
      const pub = invitePublic(kp.publicKey)
      for (const v of [hex(kp.publicKey), hex(pub.topic), pub.id]) seen.add(v)
    }
    expect(seen.size).toBe(300)
  })

  it('need only the public key for topic and id, which are unrelated to each other and to the key', () => {
    const { publicKey } = inviteKeyPair(rnd.bytes(16))
    const pub = invitePublic(publicKey)
    expect(pub.id).toMatch(/^[0-9a-f]{32}$/)
    expect(hex(pub.topic)).not.toContain(pub.id)
    expect(hex(pub.topic)).not.toBe(hex(publicKey))
    expect(hex(pub.topic).slice(0, 32)).not.toBe(pub.id)
  })

  it('leave the secret untouched, and wipeInviteKeys zeroes the secret key', () => {
    const secret = rnd.bytes(16)
    const copy = hex(secret)
    const kp = inviteKeyPair(secret)
    expect(hex(secret)).toBe(copy)
    wipeInviteKeys(kp)
    expect(kp.secretKey.every((b) => b === 0)).toBe(true)
  })

  it('refuse wrong lengths with INVALID_INPUT', () => {
    for (const n of [0, 15, 17, 32]) expect(codeOf(() => inviteKeyPair(new Uint8Array(n)))).toBe('INVALID_INPUT')
    for (const n of [0, 31, 33, 64]) {
      expect(codeOf(() => inviteTopic(new Uint8Array(n)))).toBe('INVALID_INPUT')
      expect(codeOf(() => inviteId(new Uint8Array(n)))).toBe('INVALID_INPUT')
    }
    expect(codeOf(() => invitePublic(bytes('ab') as Uint8Array))).toBe('INVALID_INPUT')
  })
})
