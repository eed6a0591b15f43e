/**
 * The member-auth message codec (core/net/auth-message.ts): the v1 layout, what the signature
 * covers, and a seeded fuzz showing that no byte string except a genuine proof for this
 * connection, role and group is accepted, and that decoding never throws.
 * Replay a failing fuzz run with HEARTH_TEST_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { verifySignature } from '../../../core/crypto/sign.ts'
import {
  AUTH_MESSAGE_BYTES, decodeAuthMessage, encodeAuthMessage, memberAuthKey, openAuthProof, sealAuthProof, type AuthContext,
} from '../../../core/net/auth-message.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'))
const GROUP_SECRET = new Uint8Array(32).map((_, i) => i)
const CTX: AuthContext = {
  authKey: memberAuthKey(GROUP_SECRET),
  groupId: new Uint8Array(16).fill(0xab),
  handshakeHash: new Uint8Array(64).map((_, i) => 255 - i),
}
const MEMBER = identityFromSeed(new Uint8Array(32).fill(5))
const OTHER = identityFromSeed(new Uint8Array(32).fill(6))

/** Made once by encodeAuthMessage(CTX, initiator, MEMBER); decoding it pins the v1 derivations. */
const FIXTURE = unhex(
  '0109ca115afccbb7c207c0d0fd76f5c522278ff54f27e12df70ba097e6302593f269af8ddb6a683d0de1f2d6a9e69dd8' +
  '828f9b7bed822db6b2e0639603922dfe7751c28951f7c5765617202d636778b15a671769c29fadbf4fd72e3a4496d241' +
  '5527bcb657d9ce5b41613e13acd88f5b2adf702ed58a6d82f25c26256d90e25c5bb328eb6ada6ed232',
)

function signedBytes(ctx: AuthContext, role: number): Uint8Array {
  const label = new TextEncoder().encode('hearth/member-auth/v1/sign')
  return Uint8Array.from([...label, role, ...ctx.handshakeHash, ...ctx.groupId])
}

describe('member-auth message v1', () => {
  it('the auth key is BLAKE2b-256 keyed by the group secret over "hearth/member-auth/v1/key"', () => {
    // Checked against Python's hashlib.blake2b(b'hearth/member-auth/v1/key', key=secret, digest_size=32).
    expect(hex(memberAuthKey(GROUP_SECRET))).toBe('09c0be70d7e5bd8a6d86a49c0675b2142db5d18559d8575e09ec3744b6305444')
  })

  it('is 137 bytes: version 1, then a sealed member id and signature', () => {
    const m = encodeAuthMessage(CTX, true, MEMBER)
    expect(m).toHaveLength(AUTH_MESSAGE_BYTES)
    expect(m[0]).toBe(1)
    expect(FIXTURE).toHaveLength(AUTH_MESSAGE_BYTES)
  })

  it('decodes the pinned fixture, and its signature covers label || role || handshake hash || group id', () => {
    const decoded = decodeAuthMessage(CTX, true, FIXTURE)
    expect(decoded).toEqual({ ok: true, memberId: MEMBER.signPublicKey })
    const proof = openAuthProof(CTX, true, FIXTURE)
    if (!('memberId' in proof)) throw new Error('fixture did not open')
    expect(verifySignature(proof.signature, signedBytes(CTX, 0), MEMBER.signPublicKey)).toBe(true)
    expect(verifySignature(proof.signature, signedBytes(CTX, 1), MEMBER.signPublicKey)).toBe(false)
  })

  it('round-trips for both roles', () => {
    for (const initiator of [true, false]) {
      expect(decodeAuthMessage(CTX, initiator, encodeAuthMessage(CTX, initiator, MEMBER))).toEqual({ ok: true, memberId: MEMBER.signPublicKey })
    }
  })

  it('names the fault for each kind of wrong message', () => {
    const good = encodeAuthMessage(CTX, true, MEMBER)
    const fault = (ctx: AuthContext, initiator: boolean, m: Uint8Array): unknown => decodeAuthMessage(ctx, initiator, m)
    expect(fault(CTX, true, new Uint8Array(0))).toEqual({ ok: false, fault: 'malformed' })
    expect(fault(CTX, true, good.subarray(0, 136))).toEqual({ ok: false, fault: 'malformed' })
    expect(fault(CTX, true, Uint8Array.from([...good, 0]))).toEqual({ ok: false, fault: 'oversize' })
    expect(fault(CTX, true, Uint8Array.from([2, ...good.subarray(1)]))).toEqual({ ok: false, fault: 'version' })
    // Another group's key, or the other role's seal: the box does not open.
    expect(fault({ ...CTX, authKey: memberAuthKey(new Uint8Array(32).fill(1)) }, true, good)).toEqual({ ok: false, fault: 'wrong-group' })
    expect(fault(CTX, false, good)).toEqual({ ok: false, fault: 'wrong-group' })
    expect(fault({ ...CTX, handshakeHash: new Uint8Array(64) }, true, good)).toEqual({ ok: false, fault: 'wrong-group' })
  })

  it('a proof resealed for another connection, role or group id fails its signature (relay, reflection)', () => {
    const proof = openAuthProof(CTX, true, encodeAuthMessage(CTX, true, MEMBER))
    if (!('memberId' in proof)) throw new Error('did not open')
    const elsewhere = { ...CTX, handshakeHash: new Uint8Array(64).fill(7) }
    const otherGroup = { ...CTX, groupId: new Uint8Array(16).fill(0xac) }
    const bad = { ok: false, fault: 'bad-signature' }
    expect(decodeAuthMessage(elsewhere, true, sealAuthProof(elsewhere, true, proof))).toEqual(bad)
    expect(decodeAuthMessage(CTX, false, sealAuthProof(CTX, false, proof))).toEqual(bad)
    expect(decodeAuthMessage(otherGroup, true, sealAuthProof(otherGroup, true, proof))).toEqual(bad)
    // Someone else's id with this member's signature.
    expect(decodeAuthMessage(CTX, true, sealAuthProof(CTX, true, { ...proof, memberId: OTHER.signPublicKey }))).toEqual(bad)
  })

  it('fuzz: random bytes, truncations, extensions and bit flips never decode and never throw', () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const good = encodeAuthMessage(CTX, true, MEMBER)
    for (let i = 0; i < 3000; i++) {
      let m: Uint8Array
      switch (rnd.int(0, 3)) {
        case 0:
          m = rnd.bytes(rnd.pick([0, 1, 136, 137, 138, rnd.int(0, 600)]))
          if (rnd.next() < 0.5 && m.length > 0) m[0] = 1
          break
        case 1:
          m = good.slice(0, rnd.int(0, 136))
          break
        case 2:
          m = Uint8Array.from([...good, ...rnd.bytes(rnd.int(1, 64))])
          break
        default: {
          m = good.slice()
          const flips = rnd.int(1, 4)
          for (let f = 0; f < flips; f++) {
            const at = rnd.int(0, m.length - 1)
            m[at] = (m[at] as number) ^ (1 << rnd.int(0, 7))
          }
        }
      }
      const out = decodeAuthMessage(CTX, true, m)
      if (out.ok) throw new Error(`seed ${seed}, case ${i}: accepted ${hex(m)}`)
      expect(['oversize', 'malformed', 'version', 'wrong-group', 'bad-signature']).toContain(out.fault)
    }
  })

  it('never throws on values that are not bytes', () => {
    for (const v of [null, undefined, 'x', 42, {}, [1, 2, 3]]) {
      expect(decodeAuthMessage(CTX, true, v as unknown as Uint8Array)).toEqual({ ok: false, fault: 'malformed' })
    }
  })
})
