/**
 * `device.add` (a member restored from an archive speaks through a new device log): valid only as
 * block 0 of the log it names, by a member, for a log that speaks for nobody yet; the log then
 * speaks for that member and no one else.
 */
import { describe, expect, it } from 'vitest'
import { groupIdOf, signEvent, type SignedEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { Governance } from '../../../core/group/governance.ts'
import { MAX_DEVICES_PER_MEMBER } from '../../../core/group/log-quota.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { admitEvent, genesisEvent, hex, identity, idOf, type SignedGenesis } from './support.ts'

const rnd = seededRandom(testSeed())
const fay = identity(rnd)
const sam = identity(rnd)
const stranger = identity(rnd)
const device = hex(rnd.bytes(32))
const samDevice = hex(rnd.bytes(32))
const newLog = hex(rnd.bytes(32))
const genesis = signEvent(genesisEvent(fay, device), fay.signSecretKey).event as SignedGenesis
const groupId = groupIdOf(genesis)

function gov(): Governance {
  const g = Governance.fromGenesis(genesis, { logKey: device, index: 0 })
  g.apply(signEvent(admitEvent(groupId, idOf(fay), sam, samDevice), fay.signSecretKey).event, { logKey: device, index: 1 })
  return g
}

function deviceAdd(author: ReturnType<typeof identity>, log: string): SignedEvent {
  const e: UnsignedEvent = { v: 1, kind: 'device.add', group: groupId, author: idOf(author), at: 1_700_000_000_002, seen: {}, body: { device: log } }
  return signEvent(e, author.signSecretKey).event
}

describe('device.add', () => {
  it('makes the new log speak for its author from block 0, alongside the old one', () => {
    const g = gov()
    g.apply(deviceAdd(sam, newLog), { logKey: newLog, index: 0 })
    expect(g.memberForBlock(newLog, 0)).toBe(idOf(sam))
    expect(g.memberForBlock(newLog, 5)).toBe(idOf(sam))
    expect(g.memberForBlock(samDevice, 3)).toBe(idOf(sam))
    expect(g.members.get(idOf(sam))?.devices).toEqual(new Map([[samDevice, 0], [newLog, 0]]))
    expect(g.deviceLogs()).toContain(newLog)
  })

  it.each([
    ['carried by another log', { logKey: samDevice, index: 2 }],
    ['not block 0 of its log', { logKey: newLog, index: 1 }],
  ])('is refused when %s', (_what, at) => {
    const g = gov()
    expect(codeOf(() => g.apply(deviceAdd(sam, newLog), at))).toBe('BLOCK_MALFORMED')
    expect(g.knowsLog(newLog)).toBe(false)
  })

  it('is refused from someone who is not a member', () => {
    const g = gov()
    expect(codeOf(() => g.apply(deviceAdd(stranger, newLog), { logKey: newLog, index: 0 }))).toBe('NOT_ALLOWED')
    expect(g.knowsLog(newLog)).toBe(false)
  })

  it(`is refused past ${MAX_DEVICES_PER_MEMBER} device logs for one member (with the byte budget, what bounds a member)`, () => {
    const g = gov()
    const logs = Array.from({ length: MAX_DEVICES_PER_MEMBER }, () => hex(rnd.bytes(32)))
    for (const log of logs.slice(1)) g.apply(deviceAdd(sam, log), { logKey: log, index: 0 })
    expect(g.members.get(idOf(sam))?.devices.size).toBe(MAX_DEVICES_PER_MEMBER)
    const one = hex(rnd.bytes(32))
    expect(codeOf(() => g.apply(deviceAdd(sam, one), { logKey: one, index: 0 }))).toBe('NOT_ALLOWED')
    expect(g.knowsLog(one)).toBe(false)
  })

  it('cannot take over a log that already speaks for someone', () => {
    const g = gov()
    expect(codeOf(() => g.apply(deviceAdd(fay, samDevice), { logKey: samDevice, index: 0 }))).toBe('BLOCK_MALFORMED')
    expect(g.memberForBlock(samDevice, 0)).toBe(idOf(sam))
  })
})
