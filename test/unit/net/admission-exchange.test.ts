/**
 * The admission exchange (core/net/admission-exchange.ts, member-auth v2) on real Noise streams
 * piped together in process, with the real governance rule (core/group/provisional-admission.ts):
 * a member who has not read a newcomer's admission lets it in provisionally when it shows a valid
 * one, refuses every wrong one with a coded reason, and never shows its own to a stranger.
 */
import { describe, expect, it } from 'vitest'
import { noisePair } from './noise-pair.ts'
import { memberAuthKey } from '../../../core/net/auth-message.ts'
import { decodeAdmission, encodeAdmission, MAX_ADMISSION_BYTES } from '../../../core/net/admission-exchange.ts'
import { authenticatePeer, type MemberAuthOptions } from '../../../core/net/member-auth.ts'
import { signEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { GovernanceLog } from '../../../core/group/governance-log.ts'
import { ProvisionalAdmissions } from '../../../core/group/provisional-admission.ts'
import { canonicalBytes } from '../../../core/group/canonical-json.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admitEvent, genesisEvent, hex, identity, idOf } from '../group/support.ts'


const rnd = seededRandom(testSeed(1301))
const fay = identity(rnd)
const newcomer = identity(rnd)
const mallory = identity(rnd)
const fayLog = hex(rnd.bytes(32))
const newLog = hex(rnd.bytes(32))
const authKey = memberAuthKey(rnd.bytes(32))

// Fay's governance knows only the genesis: she has not read the newcomer's admission.
const genesis = signEvent(genesisEvent(fay, fayLog), fay.signSecretKey)
const log = new GovernanceLog(null)
log.add(fayLog, 0, genesis.payload)
const gov = log.replay()
if (!gov) throw new Error('no governance')
const groupId = gov.groupId
const sign = (e: UnsignedEvent, by = fay): Uint8Array => signEvent(e, by.signSecretKey).payload
const admission = sign(admitEvent(groupId, idOf(fay), newcomer, newLog))

const pair = noisePair

/** Fay (knows only herself) meets the newcomer (knows Fay), who shows `shown`. */
async function meet(shown: Uint8Array | null, provisional = new ProvisionalAdmissions(), newcomerKnowsFay = true) {
  const [a, b] = pair()
  const fayOpts: MemberAuthOptions = {
    authKey, groupId: Buffer.from(groupId, 'hex'), member: fay, timeoutMs: 5_000,
    isMember: (id) => gov?.members.has(id) === true || provisional.holds(gov, log, id),
    admission: { mine: () => null, check: (id, e) => provisional.check(gov, log, id, e) },
  }
  const newOpts: MemberAuthOptions = {
    authKey, groupId: Buffer.from(groupId, 'hex'), member: newcomer, timeoutMs: 5_000,
    isMember: (id) => newcomerKnowsFay && id === idOf(fay),
    admission: { mine: () => shown, check: () => 'admission-invalid' },
  }
  const [byFay, byNewcomer] = await Promise.all([authenticatePeer(a, fayOpts), authenticatePeer(b, newOpts)])
  a.destroy()
  return { byFay, byNewcomer, provisional }
}

describe('admission exchange wire', () => {
  it('round-trips ask, none and show, and refuses what is not v1', () => {
    expect(decodeAdmission(encodeAdmission({ kind: 'ask' }))).toEqual({ kind: 'ask' })
    expect(decodeAdmission(encodeAdmission({ kind: 'none' }))).toEqual({ kind: 'none' })
    expect(decodeAdmission(encodeAdmission({ kind: 'show', event: admission }))).toEqual({ kind: 'show', event: admission })
    expect(decodeAdmission(Uint8Array.of(2, 1))).toEqual({ fault: 'admission-version' })
    expect(decodeAdmission(Uint8Array.of(1))).toEqual({ fault: 'admission-malformed' })
    expect(decodeAdmission(Uint8Array.of(1, 3))).toEqual({ fault: 'admission-malformed' })
    expect(decodeAdmission(Uint8Array.of(1, 1, 0))).toEqual({ fault: 'admission-malformed' })
    expect(decodeAdmission(Uint8Array.of(1, 9, 0))).toEqual({ fault: 'admission-malformed' })
    expect(decodeAdmission(new Uint8Array(3 + MAX_ADMISSION_BYTES).fill(1))).toEqual({ fault: 'admission-oversize' })
  })
})

describe('a member meets a newcomer whose admission it has not read', () => {
  it('lets it in provisionally on a valid admission, until governance reads that admission', async () => {
    const { byFay, byNewcomer, provisional } = await meet(admission)
    expect(byFay).toEqual({ ok: true, memberId: idOf(newcomer), provisional: true })
    expect(byNewcomer).toEqual({ ok: true, memberId: idOf(fay) })
    expect(provisional.holds(gov, log, idOf(newcomer))).toBe(true)
    // Governance reads the admission: from now on it alone decides.
    const later = new GovernanceLog(null)
    later.add(fayLog, 0, genesis.payload)
    later.add(fayLog, 1, admission)
    expect(provisional.holds(later.replay(), later, idOf(newcomer))).toBe(false)
  })

  it('refuses as not-member a newcomer with nothing to show', async () => {
    expect((await meet(null)).byFay).toEqual({ ok: false, reason: 'not-member' })
  })

  const json = (p: Uint8Array): Record<string, unknown> => JSON.parse(new TextDecoder().decode(p)) as Record<string, unknown>
  const forged = (): Uint8Array => {
    const e = json(admission) as { body: { member: { pseudonym: string } } }
    e.body.member.pseudonym = 'Someone else'
    return canonicalBytes(e)
  }
  it.each([
    ['a forged admission (changed after signing)', forged(), 'admission-forged'],
    ['an admission of someone else (replayed)', sign(admitEvent(groupId, idOf(fay), mallory, newLog)), 'admission-not-theirs'],
    ['an admission into another group', sign(admitEvent('f'.repeat(32), idOf(fay), newcomer, newLog)), 'admission-other-group'],
    ['an admission by someone who is not a member here', sign(admitEvent(groupId, idOf(mallory), newcomer, newLog), mallory), 'admission-unknown-admitter'],
    ['a governance event that admits nobody', genesis.payload, 'admission-not-admit'],
    ['bytes that are no governance event', new TextEncoder().encode('{"hello":1}'), 'admission-invalid'],
  ])('refuses %s with a coded reason', async (_what, shown, reason) => {
    const { byFay, provisional } = await meet(shown)
    expect(byFay).toEqual({ ok: false, reason })
    expect(provisional.holds(gov, log, idOf(newcomer))).toBe(false)
  })

  it('refuses an admission its governance has already read and decided on', async () => {
    const decided = new GovernanceLog(null)
    decided.add(fayLog, 0, genesis.payload)
    decided.add(fayLog, 1, admission)
    expect(new ProvisionalAdmissions().check(decided.replay(), decided, idOf(newcomer), admission)).toBe('admission-decided')
  })

  it('a newcomer does not show its admission to a peer it has not accepted', async () => {
    // The newcomer does not know Fay: it refuses her, and Fay hears no admission.
    const { byFay, byNewcomer } = await meet(admission, new ProvisionalAdmissions(), false)
    expect(byNewcomer.ok).toBe(false)
    expect(byFay.ok).toBe(false)
    if (!byFay.ok) expect(byFay.reason).not.toMatch(/^admission-/)
  })
})
