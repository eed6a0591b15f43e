/**
 * Governance from genesis: a genesis only counts where it opens its creator's own device log,
 * and the state it defines answers the write rule's questions.
 */
import { describe, expect, it } from 'vitest'
import { groupIdOf, signEvent, type SignedEvent } from '../../../core/group/gov-event.ts'
import { Governance } from '../../../core/group/governance.ts'
import { checkWrite } from '../../../core/model/write-rule.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { admitEvent, genesisEvent, hex, identity, idOf, type SignedGenesis } from './support.ts'

const rnd = seededRandom(testSeed())
const fay = identity(rnd)
const device = hex(rnd.bytes(32))
const otherLog = hex(rnd.bytes(32))
const genesis = signEvent(genesisEvent(fay, device, { settings: { rulesWriters: ['facilitator', 'member'] } }), fay.signSecretKey).event as SignedGenesis

describe('Governance.fromGenesis', () => {
  it('builds the group from block 0 of the creator’s device log', () => {
    const gov = Governance.fromGenesis(genesis, { logKey: device, index: 0 })
    expect(gov.groupId).toBe(groupIdOf(genesis))
    expect(gov.name).toBe('Tuesday circle')
    expect(gov.mode).toBe('survivor-led')
    expect(gov.settings).toEqual(genesis.body.settings)
    expect([...gov.members.values()]).toEqual([{
      id: idOf(fay), role: 'facilitator', pseudonym: 'Fay', boxKey: hex(fay.boxPublicKey), devices: new Map([[device, 0]]),
    }])
    expect(gov.deviceLogs()).toEqual([device])
  })

  it.each([
    ['a later block of the right log', { logKey: device, index: 1 }],
    ['block 0 of another log', { logKey: otherLog, index: 0 }],
    ['a later block of another log', { logKey: otherLog, index: 7 }],
  ])('refuses genesis carried by %s', (_what, carriedBy) => {
    expect(codeOf(() => Governance.fromGenesis(genesis, carriedBy))).toBe('BLOCK_MALFORMED')
  })

  it('refuses a genesis that already names a group', () => {
    const named = { ...genesis, group: 'a'.repeat(32) } as SignedEvent
    expect(codeOf(() => Governance.fromGenesis(named, { logKey: device, index: 0 }))).toBe('BLOCK_MALFORMED')
  })
})

describe('Governance as the write authority', () => {
  const gov = Governance.fromGenesis(genesis, { logKey: device, index: 0 })

  it('knows the creator’s device log and nothing else', () => {
    expect(gov.knowsLog(device)).toBe(true)
    expect(gov.knowsLog(otherLog)).toBe(false)
    expect(gov.knowsLog('')).toBe(false)
  })

  it('maps every block of the creator’s log to the creator as facilitator', () => {
    for (const i of [0, 1, 1000]) {
      expect(gov.memberForBlock(device, i)).toBe(idOf(fay))
      expect(gov.roleForBlock(device, i)).toBe('facilitator')
    }
    expect(gov.memberForBlock(otherLog, 0)).toBeUndefined()
    expect(gov.roleForBlock(otherLog, 0)).toBeUndefined()
  })

  it('does not answer for a device before the index it was attested from', () => {
    const g = Governance.fromGenesis(genesis, { logKey: device, index: 0 })
    g.members.get(idOf(fay))?.devices.set(device, 5)
    expect(g.memberForBlock(device, 4)).toBeUndefined()
    expect(g.roleForBlock(device, 4)).toBeUndefined()
    expect(g.memberForBlock(device, 5)).toBe(idOf(fay))
  })

  it('names the rules writers from the settings', () => {
    expect(gov.writersOf('rules')).toEqual(['facilitator', 'member'])
  })

  it('lets checkWrite accept the creator on their own doc and the rules, and nothing else', () => {
    expect(checkWrite(gov, device, 3, `member/${idOf(fay)}`).ok).toBe(true)
    expect(checkWrite(gov, device, 3, 'shared/rules').ok).toBe(true)
    expect(checkWrite(gov, device, 3, `member/${hex(rnd.bytes(32))}`).ok).toBe(false)
    expect(checkWrite(gov, device, 3, 'personal/journal').ok).toBe(false)
    expect(checkWrite(gov, otherLog, 3, `member/${idOf(fay)}`).ok).toBe(false)
  })
})

describe('Governance.apply (member.admit)', () => {
  const bob = identity(rnd)
  const bobLog = hex(rnd.bytes(32))
  const fresh = (): Governance => Governance.fromGenesis(genesis, { logKey: device, index: 0 })
  const admit = (g: Governance, over: { author?: typeof fay; role?: 'member' | 'facilitator'; group?: string; device?: string; who?: typeof bob } = {}) =>
    signEvent(admitEvent(over.group ?? g.groupId, idOf(over.author ?? fay), over.who ?? bob, over.device ?? bobLog, over.role), (over.author ?? fay).signSecretKey).event

  it('admits a newcomer through a facilitator’s own device', () => {
    const g = fresh()
    g.apply(admit(g), { logKey: device, index: 1 })
    expect(g.members.get(idOf(bob))).toEqual({ id: idOf(bob), role: 'member', pseudonym: 'Newcomer', boxKey: hex(bob.boxPublicKey), devices: new Map([[bobLog, 0]]) })
    expect(g.knowsLog(bobLog)).toBe(true)
    expect(g.memberForBlock(bobLog, 0)).toBe(idOf(bob))
    expect(g.roleForBlock(bobLog, 0)).toBe('member')
    expect(checkWrite(g, bobLog, 0, `member/${idOf(bob)}`).ok).toBe(true)
    expect(checkWrite(g, bobLog, 0, `member/${idOf(fay)}`).ok).toBe(false)
    expect(checkWrite(g, bobLog, 0, 'shared/rules').ok).toBe(true)
  })

  const carol = identity(rnd)
  const refusals: [string, (g: Governance) => void, (g: Governance) => void, string][] = [
    ['belongs to another group', () => undefined, (g) => g.apply(admit(g, { group: 'f'.repeat(32) }), { logKey: device, index: 1 }), 'BLOCK_MALFORMED'],
    ['is carried by a log that is not its author’s', () => undefined, (g) => g.apply(admit(g), { logKey: otherLog, index: 1 }), 'NOT_ALLOWED'],
    ['is carried before its author’s device speaks',
      (g) => g.members.get(idOf(fay))?.devices.set(device, 5),
      (g) => g.apply(admit(g), { logKey: device, index: 4 }), 'NOT_ALLOWED'],
    ['comes from a plain member',
      (g) => g.apply(admit(g), { logKey: device, index: 1 }),
      (g) => g.apply(admit(g, { author: bob, who: carol, device: hex(rnd.bytes(32)) }), { logKey: bobLog, index: 0 }), 'NOT_ALLOWED'],
    ['admits someone twice',
      (g) => g.apply(admit(g), { logKey: device, index: 1 }),
      (g) => g.apply(admit(g, { device: hex(rnd.bytes(32)) }), { logKey: device, index: 2 }), 'BLOCK_MALFORMED'],
    ['reuses a device log another member speaks through', () => undefined, (g) => g.apply(admit(g, { device }), { logKey: device, index: 1 }), 'BLOCK_MALFORMED'],
    ['is a second genesis', () => undefined,
      (g) => g.apply(signEvent({ ...genesisEvent(fay, device), group: g.groupId }, fay.signSecretKey).event, { logKey: device, index: 1 }), 'BLOCK_MALFORMED'],
  ]
  it.each(refusals)('refuses an admission that %s and changes nothing', (_what, setup, refused, code) => {
    const g = fresh()
    setup(g)
    const state = (): unknown => ({ members: [...g.members.values()].map((m) => ({ ...m, devices: [...m.devices] })), logs: g.deviceLogs() })
    const before = state()
    expect(codeOf(() => refused(g))).toBe(code)
    expect(state()).toEqual(before)
  })
})
