/**
 * The write rule against a fake authority: the rule itself, independent of how governance
 * answers. Every refusal must carry a reason, because DocSet records it.
 */
import { describe, expect, it } from 'vitest'
import { checkWrite, type Role, type WriteAuthority } from '../../../core/model/write-rule.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex, memberIds } from './support.ts'

const rnd = seededRandom(testSeed())
const [alice, bob, fay] = memberIds(rnd, 3) as [string, string, string]
const [aliceLog, aliceLog2, bobLog, fayLog, strangerLog] = memberIds(rnd, 5) as [string, string, string, string, string]

interface Device { member: string; role: Role; from: number; cut?: number }

/** Devices speak for their member from `from` up to (not including) `cut`. */
function authority(devices: Record<string, Device>, rulesWriters: Role[] = ['facilitator']): WriteAuthority {
  const at = (log: string, index: number): Device | undefined => {
    const d = devices[log]
    return d && index >= d.from && (d.cut === undefined || index < d.cut) ? d : undefined
  }
  return {
    knowsLog: (log) => log in devices,
    memberForBlock: (log, index) => at(log, index)?.member,
    roleForBlock: (log, index) => at(log, index)?.role,
    writersOf: () => rulesWriters,
  }
}

const auth = authority({
  [aliceLog]: { member: alice, role: 'member', from: 0 },
  [aliceLog2]: { member: alice, role: 'member', from: 3 },
  [bobLog]: { member: bob, role: 'member', from: 0, cut: 10 },
  [fayLog]: { member: fay, role: 'facilitator', from: 0 },
})

const ok = (r: ReturnType<typeof checkWrite>): boolean => r.ok
const reason = (r: ReturnType<typeof checkWrite>): string => (r.ok ? '' : r.reason)

describe('checkWrite: member docs', () => {
  it('lets every device of a member write that member’s doc', () => {
    const r = checkWrite(auth, aliceLog, 0, `member/${alice}`)
    expect(r).toEqual({ ok: true, doc: { id: `member/${alice}`, cls: 'member', name: alice }, memberId: alice })
    expect(ok(checkWrite(auth, aliceLog2, 3, `member/${alice}`))).toBe(true)
  })

  it('refuses a write to another member’s doc, whatever the writer’s role', () => {
    expect(reason(checkWrite(auth, bobLog, 1, `member/${alice}`))).toMatch(/another member/)
    expect(reason(checkWrite(auth, fayLog, 1, `member/${alice}`))).toMatch(/another member/)
  })

  it('refuses a device before the index it was attested from', () => {
    expect(reason(checkWrite(auth, aliceLog2, 2, `member/${alice}`))).toMatch(/not a member device/)
  })
})

describe('checkWrite: shared docs', () => {
  it('lets only the roles in writersOf write the rules', () => {
    expect(ok(checkWrite(auth, fayLog, 0, 'shared/rules'))).toBe(true)
    expect(reason(checkWrite(auth, aliceLog, 0, 'shared/rules'))).toMatch(/role may not/)
    const open = authority({ [aliceLog]: { member: alice, role: 'member', from: 0 }, [fayLog]: { member: fay, role: 'facilitator', from: 0 } }, ['member'])
    expect(ok(checkWrite(open, aliceLog, 0, 'shared/rules'))).toBe(true)
    expect(ok(checkWrite(open, fayLog, 0, 'shared/rules'))).toBe(false)
  })

  it('refuses when writersOf names no role', () => {
    const nobody = authority({ [fayLog]: { member: fay, role: 'facilitator', from: 0 } }, [])
    expect(ok(checkWrite(nobody, fayLog, 0, 'shared/rules'))).toBe(false)
  })

  it('lets only facilitators write moderation and the schedule, whatever the settings name', () => {
    const open = authority({ [aliceLog]: { member: alice, role: 'member', from: 0 }, [fayLog]: { member: fay, role: 'facilitator', from: 0 } }, ['member'])
    for (const doc of ['shared/moderation', 'shared/schedule']) {
      expect(ok(checkWrite(open, fayLog, 0, doc)), doc).toBe(true)
      expect(reason(checkWrite(open, aliceLog, 0, doc)), doc).toMatch(/role may not/)
      expect(reason(checkWrite(auth, strangerLog, 0, doc)), doc).toMatch(/not a member device/)
    }
  })

  it('refuses a shared doc the model does not define', () => {
    expect(reason(checkWrite(auth, fayLog, 0, 'shared/no-such-doc'))).toMatch(/unknown document/)
  })
})

describe('checkWrite: personal docs and unknown ids', () => {
  it('never accepts a personal doc from any log', () => {
    for (const log of [aliceLog, fayLog]) {
      expect(reason(checkWrite(auth, log, 0, 'personal/journal'))).toMatch(/never replicated/)
    }
  })

  it('gives a reason for ids that are not ours', () => {
    for (const id of ['', 'governance', `member/${alice.toUpperCase()}`, 'personal/../x']) {
      expect(reason(checkWrite(auth, aliceLog, 0, id))).toMatch(/unknown document/)
    }
  })
})

describe('checkWrite: logs governance does not vouch for', () => {
  it('refuses an unknown log with a reason, even for the doc it would own', () => {
    const stranger = hex(rnd.bytes(32))
    expect(reason(checkWrite(auth, strangerLog, 0, `member/${stranger}`))).toMatch(/not a member device/)
    expect(reason(checkWrite(auth, strangerLog, 0, 'shared/rules'))).toMatch(/not a member device/)
  })

  it('refuses every block at or past a cut-off and keeps those before it', () => {
    expect(ok(checkWrite(auth, bobLog, 9, `member/${bob}`))).toBe(true)
    for (const i of [10, 11, 1_000_000]) {
      expect(reason(checkWrite(auth, bobLog, i, `member/${bob}`))).toMatch(/not a member device/)
    }
  })

  it('refuses a shared write past a facilitator’s cut-off even though the role is still on record', () => {
    // A demotion cuts memberForBlock; roleForBlock alone must not be enough to write.
    const cutFay: WriteAuthority = {
      ...authority({ [fayLog]: { member: fay, role: 'facilitator', from: 0, cut: 5 } }),
      roleForBlock: () => 'facilitator',
    }
    expect(ok(checkWrite(cutFay, fayLog, 4, 'shared/rules'))).toBe(true)
    expect(ok(checkWrite(cutFay, fayLog, 5, 'shared/rules'))).toBe(false)
  })
})
