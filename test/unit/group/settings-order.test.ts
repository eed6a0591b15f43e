/**
 * A settings change the write rule reads (who may write the rules: `writersOf`) is judged the same
 * whatever order a peer reads the logs in (group-reading.ts `writersChanged`): a replay that finds
 * it changed rebuilds the docs under the final settings. Without it, a peer that read Bob's rules
 * edit before Fay's settings change judged it under the settings before, for good. Real
 * GroupSpaces and real sealed blocks.
 */
import { describe, expect, it } from 'vitest'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { sharedDocId } from '../../../core/model/doc-id.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import type { Role } from '../../../core/model/write-rule.ts'
import { admitEvent, foundGroup, hex, identity, idOf } from './support.ts'
import { bobsSpace, reader, rnd, sparse } from './tail-fixture.ts'

const rulesOf = (s: GroupSpace): string[] => new RulesDoc(s.docs.doc(sharedDocId('rules'))).versions.toArray().map((v) => (v as { text: string }).text)

describe('settings the write rule reads, in any reading order', () => {
  const cases: [string, Role[], Role[], boolean][] = [
    ['members may write the rules from now on', ['facilitator'], ['facilitator', 'member'], true],
    ['members may no longer write the rules', ['facilitator', 'member'], ['facilitator'], false],
  ]
  for (const [name, from, to, kept] of cases) {
    it(name, async () => {
      const g = await foundGroup(rnd, { rulesWriters: from })
      const gid = g.space.governance.groupId
      const bobId = identity(rnd)
      const bobLog = hex(rnd.bytes(32))
      await g.space.writeGovernance(admitEvent(gid, g.me, bobId, bobLog))
      const bobSpace = await bobsSpace(g, bobLog, bobId)
      // Bob writes the rules while members may (before the narrowing, after the widening).
      const bobWrites = (): Promise<void> => bobSpace.change(sharedDocId('rules'), (d) => void new RulesDoc(d).set('Bob’s words for the rules', idOf(bobId), 2_000))
      if (kept === false) await bobWrites()
      const settingsAt = g.log.length
      await g.space.writeGovernance({ v: 1, kind: 'settings', group: gid, author: g.me, at: 1_700_000_000_020, seen: g.space.seen(), body: { settings: { rulesWriters: to } } })
      if (kept === true) {
        await bobSpace.catchUp(g.log)
        await bobWrites()
      }
      await bobSpace.idle()
      const bob = bobSpace.own

      // Fay's log whole, then Bob's: his edit is judged under the final settings.
      const first = reader(g)
      await first.catchUp(g.log)
      await first.catchUp(bob)
      expect(rulesOf(first)).toEqual(kept ? ['Bob’s words for the rules'] : [])
      // Fay's log up to the settings change, Bob's, then the rest of Fay's.
      const later = reader(g)
      await later.catchUp(sparse(g.log, (i) => i < settingsAt))
      await later.catchUp(bob)
      await later.catchUp(g.log)
      expect(later.governance.settings.rulesWriters).toEqual(to)
      // Before: [] where members may now write, Bob's words where they no longer may.
      expect(rulesOf(later)).toEqual(rulesOf(first))
    })
  }
})
