/**
 * The member-auth handler (core/net/member-auth.ts) on real Noise streams piped together in
 * process: who is accepted, each way of being refused, and that the handler never rejects.
 */
import { describe, expect, it } from 'vitest'
import { noisePair, type SecretStream } from './noise-pair.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { memberAuthKey } from '../../../core/net/auth-message.ts'
import { Protomux } from '../../../core/net/holepunch-net.ts'
import { AUTH_PROTOCOL, authenticatePeer, type MemberAuthOptions } from '../../../core/net/member-auth.ts'


const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const ALICE = identityFromSeed(new Uint8Array(32).fill(1))
const BOB = identityFromSeed(new Uint8Array(32).fill(2))
const MEMBERS = new Set([hex(ALICE.signPublicKey), hex(BOB.signPublicKey)])
const GROUP_ID = new Uint8Array(16).fill(3)

const pair = noisePair

/** Resolves when the stream has closed (streamx flips `destroyed` only after destroy finishes). */
function closed(s: SecretStream): Promise<void> {
  return s.destroyed ? Promise.resolve() : new Promise((resolve) => s.once('close', resolve))
}

function options(member: typeof ALICE, extra: Partial<MemberAuthOptions> = {}): MemberAuthOptions {
  return {
    authKey: memberAuthKey(new Uint8Array(32).fill(9)),
    groupId: GROUP_ID,
    member,
    isMember: (id) => MEMBERS.has(id),
    timeoutMs: 2_000,
    ...extra,
  }
}

describe('authenticatePeer', () => {
  it('two members accept each other and the stream stays open', async () => {
    const [a, b] = pair()
    const [ra, rb] = await Promise.all([authenticatePeer(a, options(ALICE)), authenticatePeer(b, options(BOB))])
    expect(ra).toEqual({ ok: true, memberId: hex(BOB.signPublicKey) })
    expect(rb).toEqual({ ok: true, memberId: hex(ALICE.signPublicKey) })
    expect(a.destroyed || b.destroyed).toBe(false)
    a.destroy()
  })

  it('refuses a valid identity governance does not list, and destroys the stream', async () => {
    const [a, b] = pair()
    const stranger = identityFromSeed(new Uint8Array(32).fill(7))
    const [ra, rb] = await Promise.all([authenticatePeer(a, options(ALICE)), authenticatePeer(b, options(stranger))])
    expect(ra).toEqual({ ok: false, reason: 'not-member' })
    expect(rb.ok).toBe(false)
    await closed(a)
  })

  it('refuses a peer holding another group secret (the seal does not open)', async () => {
    const [a, b] = pair()
    const other = options(BOB, { authKey: memberAuthKey(new Uint8Array(32).fill(8)) })
    const [ra] = await Promise.all([authenticatePeer(a, options(ALICE)), authenticatePeer(b, other)])
    expect(ra).toEqual({ ok: false, reason: 'wrong-group' })
  })

  it('a throwing isMember refuses the peer instead of throwing', async () => {
    const [a, b] = pair()
    const boom = options(ALICE, { isMember: () => { throw new Error('governance is down') } })
    const [ra] = await Promise.all([authenticatePeer(a, boom), authenticatePeer(b, options(BOB))])
    expect(ra).toEqual({ ok: false, reason: 'internal' })
  })

  it('a peer that does not speak member-auth is refused at once', async () => {
    const [a, b] = pair()
    Protomux.from(b) // a stock peer: Protomux, but no channel for our protocol
    expect(await authenticatePeer(a, options(ALICE))).toEqual({ ok: false, reason: 'refused' })
  })

  it('a peer that opens the channel but never proves anything times out', async () => {
    const [a, b] = pair()
    const channel = Protomux.from(b).createChannel({ protocol: AUTH_PROTOCOL, messages: [] })
    channel?.open()
    const started = Date.now()
    expect(await authenticatePeer(a, options(ALICE, { timeoutMs: 300 }))).toEqual({ ok: false, reason: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2_000)
    await closed(a)
  })

  it('a connection that dies mid-auth resolves as closed', async () => {
    const [a, b] = pair()
    const pending = authenticatePeer(a, options(ALICE))
    b.destroy()
    expect(await pending).toEqual({ ok: false, reason: 'closed' })
  })
})
