/**
 * Join proof v1 (DESIGN.md §1 threat 4, §3.4): a valid proof admits exactly the joiner it names,
 * and nothing captured from one join lets anyone else in: not with another challenge, another
 * identity, another invite or another group. Malformed proofs get coded errors.
 */
import { describe, expect, it } from 'vitest'
import { identityFromSeed, type Identity } from '../../../core/crypto/identity.ts'
import { generateInviteSecret, parseInviteCode } from '../../../core/group/invite-code.ts'
import { inviteKeyPair } from '../../../core/group/invite-keys.ts'
import { sign } from '../../../core/crypto/sign.ts'
import { canonicalBytes } from '../../../core/group/canonical-json.ts'
import {
  decodeJoinProof, encodeJoinProof, makeJoinProof, newJoinChallenge, verifyJoinProof,
  type JoinExpectation, type JoinProof,
} from '../../../core/group/join-proof.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { bytes, codeOf, fixture, hex } from './support.ts'

const rnd = seededRandom(testSeed())
const GROUP = hex(rnd.bytes(16))
const OTHER_GROUP = hex(rnd.bytes(16))
const inviteSecret = rnd.bytes(16)
const invitePublicKey = hex(inviteKeyPair(inviteSecret).publicKey)
const b = identityFromSeed(rnd.bytes(32))
const c = identityFromSeed(rnd.bytes(32))

function proofFor(who: Identity, challenge: string, over: { secret?: Uint8Array; group?: string } = {}): JoinProof {
  return makeJoinProof({
    groupId: over.group ?? GROUP, inviteSecret: over.secret ?? inviteSecret, identity: who,
    device: rnd.bytes(32), pseudonym: who === b ? 'Birch' : 'Cedar', challenge,
  })
}

const expecting = (challenge: string, over: Partial<JoinExpectation> = {}): JoinExpectation =>
  ({ groupId: GROUP, invitePublicKey, challenge, ...over })

/** What someone holding the code could sign: a proof re-signed with the invite key after edits. */
function resignWithInvite(p: JoinProof, secret = inviteSecret): JoinProof {
  const { sig: _s, joinerSig, ...body } = p
  const domain = new TextEncoder().encode('hearth/join-proof/v1\n')
  const signed = new Uint8Array([...domain, ...canonicalBytes(body)])
  return { ...body, sig: hex(sign(signed, inviteKeyPair(secret).secretKey)), joinerSig }
}

describe('a valid join proof', () => {
  it('verifies, as an object and off the wire, and yields exactly the joiner it names', () => {
    const challenge = newJoinChallenge()
    const proof = proofFor(b, challenge)
    const joiner = verifyJoinProof(proof, expecting(challenge))
    expect(joiner).toEqual({ id: hex(b.signPublicKey), boxKey: hex(b.boxPublicKey), device: proof.joiner.device, pseudonym: 'Birch' })
    expect(verifyJoinProof(encodeJoinProof(proof), expecting(challenge))).toEqual(joiner)
    expect(decodeJoinProof(encodeJoinProof(proof))).toEqual(proof)
  })

  it('matches the pinned v1 proof byte for byte (Ed25519 is deterministic)', () => {
    const f = fixture.joinProof
    const proof = makeJoinProof({
      groupId: f.groupId, inviteSecret: bytes(f.inviteSecretHex), identity: identityFromSeed(bytes(f.identitySeedHex)),
      device: bytes(f.deviceHex), pseudonym: f.pseudonym, challenge: f.challenge,
    })
    expect(proof).toEqual(f.proof)
    expect(new TextDecoder().decode(encodeJoinProof(proof))).toBe(f.wire)
    const joiner = verifyJoinProof(new TextEncoder().encode(f.wire), {
      groupId: f.groupId, invitePublicKey: f.proof.invitePublicKey, challenge: f.challenge,
    })
    expect(joiner.pseudonym).toBe('Wren ☂')
  })

  it('can be made from the code as typed', () => {
    const challenge = newJoinChallenge()
    const parsed = parseInviteCode(fixture.invites[3]!.code)
    const proof = proofFor(b, challenge, { secret: parsed.secret })
    expect(() => verifyJoinProof(proof, expecting(challenge, { invitePublicKey: fixture.invites[3]!.publicKeyHex }))).not.toThrow()
  })

  it('challenges are 32 fresh random bytes', () => {
    const a = newJoinChallenge()
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(newJoinChallenge()).not.toBe(a)
  })
})

describe('a captured proof lets nobody else in', () => {
  const challenge = newJoinChallenge()
  const captured = proofFor(b, challenge)

  it('replayed to a member who sent another challenge: refused, with or without editing the challenge', () => {
    const fresh = newJoinChallenge()
    expect(codeOf(() => verifyJoinProof(captured, expecting(fresh)))).toBe('CRYPTO_BAD_SIGNATURE')
    expect(codeOf(() => verifyJoinProof({ ...captured, challenge: fresh }, expecting(fresh)))).toBe('CRYPTO_BAD_SIGNATURE')
  })

  it('with the joiner fields swapped to another identity (who signs for itself): refused', () => {
    const own = proofFor(c, challenge)
    const swapped = { ...captured, joiner: own.joiner, joinerSig: own.joinerSig }
    expect(codeOf(() => verifyJoinProof(swapped, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
    for (const field of ['id', 'boxKey', 'device', 'pseudonym'] as const) {
      const edited = { ...captured, joiner: { ...captured.joiner, [field]: own.joiner[field] } }
      expect(codeOf(() => verifyJoinProof(edited, expecting(challenge))), field).not.toBe('OK')
    }
  })

  it('even by someone holding the code: they cannot sign as the identity they name', () => {
    const fresh = newJoinChallenge()
    // B's fields, re-signed by the invite key for the new challenge, with B's old joiner signature…
    const replay = resignWithInvite({ ...captured, challenge: fresh })
    expect(codeOf(() => verifyJoinProof(replay, expecting(fresh)))).toBe('CRYPTO_BAD_SIGNATURE')
    // …or with C's signature over those bytes: still not B's.
    const cSig = proofFor(c, fresh)
    const mixed = { ...replay, joinerSig: cSig.joinerSig }
    expect(codeOf(() => verifyJoinProof(mixed, expecting(fresh)))).toBe('CRYPTO_BAD_SIGNATURE')
  })

  it('made with a different invite: refused, whatever invite key it names', () => {
    const other = generateInviteSecret()
    const p = proofFor(b, challenge, { secret: other })
    expect(codeOf(() => verifyJoinProof(p, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
    expect(codeOf(() => verifyJoinProof({ ...p, invitePublicKey }, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
  })

  it('for another group: refused, whatever group it names', () => {
    const p = proofFor(b, challenge, { group: OTHER_GROUP })
    expect(codeOf(() => verifyJoinProof(p, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
    expect(codeOf(() => verifyJoinProof({ ...p, groupId: GROUP }, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
    expect(codeOf(() => verifyJoinProof(captured, expecting(challenge, { groupId: OTHER_GROUP })))).toBe('CRYPTO_BAD_SIGNATURE')
  })

  it('with a malleated signature (S + L): refused', () => {
    const L = 2n ** 252n + 27742317777372353535851937790883648493n
    const addL = (sigHex: string): string => {
      const s = bytes(sigHex)
      let x = 0n
      for (let i = 63; i >= 32; i--) x = (x << 8n) | BigInt(s[i] as number)
      x += L
      for (let i = 32; i < 64; i++) { s[i] = Number(x & 0xffn); x >>= 8n }
      return hex(s)
    }
    expect(codeOf(() => verifyJoinProof({ ...captured, sig: addL(captured.sig) }, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
    expect(codeOf(() => verifyJoinProof({ ...captured, joinerSig: addL(captured.joinerSig) }, expecting(challenge)))).toBe('CRYPTO_BAD_SIGNATURE')
  })
})

describe('malformed proofs get coded errors', () => {
  const challenge = newJoinChallenge()
  const good = proofFor(b, challenge)
  const wire = (s: string): Uint8Array => new TextEncoder().encode(s)

  it('bad bytes, bad JSON, wrong shapes: INVALID_INPUT', () => {
    const cases: unknown[] = [
      wire(''), wire('{'), wire('null'), wire('[]'), wire('"proof"'), Uint8Array.of(0xff, 0xfe, 0x7b),
      wire(JSON.stringify(good).replace('}', ',"extra":1}')), new Uint8Array(5000).fill(0x20),
      null, undefined, 42, 'a string', [], {},
      { ...good, v: 2 }, { ...good, v: '1' }, { ...good, extra: true },
      { ...good, sig: undefined }, { ...good, joinerSig: good.joinerSig.slice(2) },
      { ...good, sig: good.sig.toUpperCase() }, { ...good, sig: good.sig + '00' },
      { ...good, groupId: GROUP + '00' }, { ...good, challenge: challenge.slice(1) }, { ...good, challenge: 'zz'.repeat(32) },
      { ...good, invitePublicKey: '' }, { ...good, joiner: null },
      { ...good, joiner: { ...good.joiner, id: good.joiner.id.slice(0, 62) } },
      { ...good, joiner: { ...good.joiner, device: 42 } },
      { ...good, joiner: { ...good.joiner, pseudonym: '' } },
      { ...good, joiner: { ...good.joiner, pseudonym: 'x'.repeat(65) } },
      { ...good, joiner: { ...good.joiner, role: 'facilitator' } },
    ]
    for (const p of cases) expect(codeOf(() => verifyJoinProof(p, expecting(challenge))), JSON.stringify(p)?.slice(0, 80)).toBe('INVALID_INPUT')
  })

  it('a small-order or non-canonical joiner key: INVALID_INPUT before any signature is checked', () => {
    const smallOrder = ['01' + '00'.repeat(31), '00'.repeat(32), 'ec' + 'ff'.repeat(30) + '7f', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05']
    for (const id of smallOrder) {
      expect(codeOf(() => verifyJoinProof({ ...good, joiner: { ...good.joiner, id } }, expecting(challenge))), id).toBe('INVALID_INPUT')
    }
    expect(codeOf(() => verifyJoinProof({ ...good, joiner: { ...good.joiner, id: 'ed' + 'ff'.repeat(30) + '7f' } }, expecting(challenge)))).toBe('INVALID_INPUT')
    for (const boxKey of ['00'.repeat(32), '01' + '00'.repeat(31), 'ed' + 'ff'.repeat(30) + '7f']) {
      expect(codeOf(() => verifyJoinProof({ ...good, joiner: { ...good.joiner, boxKey } }, expecting(challenge))), boxKey).toBe('INVALID_INPUT')
    }
  })

  it('a joiner who uses the invite key as its identity: INVALID_INPUT', () => {
    const kp = inviteKeyPair(inviteSecret)
    const asInvite = { signPublicKey: kp.publicKey, signSecretKey: kp.secretKey, boxPublicKey: b.boxPublicKey }
    const p = makeJoinProof({ groupId: GROUP, inviteSecret, identity: asInvite, device: rnd.bytes(32), pseudonym: 'Ash', challenge })
    expect(codeOf(() => verifyJoinProof(p, expecting(challenge)))).toBe('INVALID_INPUT')
  })

  it('a malformed expectation: INVALID_INPUT', () => {
    for (const over of [{ groupId: 'nope' }, { invitePublicKey: invitePublicKey.toUpperCase() }, { challenge: '' }]) {
      expect(codeOf(() => verifyJoinProof(good, expecting(challenge, over)))).toBe('INVALID_INPUT')
    }
    expect(codeOf(() => verifyJoinProof(good, undefined as unknown as JoinExpectation))).toBe('INVALID_INPUT')
  })

  it('makeJoinProof refuses bad input with coded errors', () => {
    const base = { groupId: GROUP, inviteSecret, identity: b, device: rnd.bytes(32), pseudonym: 'Birch', challenge }
    expect(codeOf(() => makeJoinProof({ ...base, groupId: 'g' }))).toBe('INVALID_INPUT')
    expect(codeOf(() => makeJoinProof({ ...base, challenge: 'c' }))).toBe('INVALID_INPUT')
    expect(codeOf(() => makeJoinProof({ ...base, device: new Uint8Array(31) }))).toBe('INVALID_INPUT')
    expect(codeOf(() => makeJoinProof({ ...base, pseudonym: '' }))).toBe('INVALID_INPUT')
    expect(codeOf(() => makeJoinProof({ ...base, inviteSecret: new Uint8Array(32) }))).toBe('INVALID_INPUT')
    const mismatched = { ...b, signSecretKey: Uint8Array.from(c.signSecretKey) }
    expect(codeOf(() => makeJoinProof({ ...base, identity: mismatched }))).toBe('CRYPTO_BAD_KEY')
  })
})
