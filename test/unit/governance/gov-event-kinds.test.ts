/**
 * The membership and epoch event kinds (governance record v1, added kinds): each signs and opens
 * to itself, and each malformed body is a coded BLOCK_MALFORMED, never a crash.
 */
import { describe, expect, it } from 'vitest'
import { openEvent, signEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { identity, idOf } from '../group/support.ts'

const rnd = seededRandom(testSeed())
const fay = identity(rnd)
const group = 'ab'.repeat(16)
const member = 'cd'.repeat(32)
const box = 'ef'.repeat(80)
const base = { v: 1 as const, group, author: idOf(fay), at: 1, seen: { [member]: 3 } }

const good: UnsignedEvent[] = [
  { ...base, kind: 'member.remove', body: { member } },
  { ...base, kind: 'member.leave', body: {} },
  { ...base, kind: 'role.change', body: { member, role: 'facilitator', badge: 'counsellor' } },
  { ...base, kind: 'role.change', body: { member, role: 'member' } },
  { ...base, kind: 'epoch.rotate', body: { epoch: 0xffff_ffff, check: member, lockboxes: { [member]: box } } },
  { ...base, kind: 'epoch.share', body: { epoch: 7, check: member, lockboxes: {} } },
]

const bad: [string, unknown][] = [
  ['a removal without a member', { kind: 'member.remove', body: {} }],
  ['a removal of a short id', { kind: 'member.remove', body: { member: 'cd' } }],
  ['a leave with a body', { kind: 'member.leave', body: { member } }],
  ['an unknown role', { kind: 'role.change', body: { member, role: 'owner' } }],
  ['an unknown badge', { kind: 'role.change', body: { member, role: 'facilitator', badge: 'doctor' } }],
  ['a rotation to epoch 0', { kind: 'epoch.rotate', body: { epoch: 0, check: member, lockboxes: {} } }],
  ['a rotation past u32', { kind: 'epoch.rotate', body: { epoch: 2 ** 32, check: member, lockboxes: {} } }],
  ['a lockbox of the wrong size', { kind: 'epoch.rotate', body: { epoch: 5, check: member, lockboxes: { [member]: 'ef'.repeat(48) } } }],
  ['a lockbox for a short id', { kind: 'epoch.share', body: { epoch: 5, check: member, lockboxes: { cd: box } } }],
  ['a rotation without a check', { kind: 'epoch.rotate', body: { epoch: 5, lockboxes: {} } }],
  ['an admission with a negative epoch', { kind: 'member.admit', body: { member: { id: member, boxKey: member, device: member, pseudonym: 'N' }, role: 'member', epochs: [-1] } }],
]

describe('membership and epoch events', () => {
  it.each(good.map((e) => [e.kind, e] as const))('%s signs and opens to itself', (_kind, e) => {
    const { event, payload } = signEvent(e, fay.signSecretKey)
    expect(openEvent(payload).event).toEqual(event)
  })

  it.each(bad)('refuses %s as malformed', (_what, over) => {
    const { payload } = signEvent({ ...base, ...(over as object) } as UnsignedEvent, fay.signSecretKey)
    expect(codeOf(() => openEvent(payload))).toBe('BLOCK_MALFORMED')
  })
})
