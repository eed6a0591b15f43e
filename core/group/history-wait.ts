/**
 * Whom a newcomer's history waits for, as the sync status says it (`GroupStatus.arriving`): the
 * logs that hold the history as arriving (GroupReading.waitsFor: a planned log's checkpoint or
 * tail, a first-sync log not told or not read to its target) turned into the members whose
 * devices wrote them. Without it the newcomer saw "still arriving" with no end and no reason, and
 * a member admitted who never wrote anywhere reachable held every later newcomer with nobody
 * told whom (session 13, second review, R3).
 *
 * - Only members governance lists are named (current or former: their names already show on
 *   their posts), under the name the group shows (member-names.ts). A log governance does not know
 *   yet (a device the welcome named, known only from its own block 0) is counted in `more`, never
 *   named; no log key leaves core.
 * - One entry per member: a member's devices are one person to the reader. `blocks` is summed over
 *   the member's logs, and given only when every one of them has told how far it must be read; a
 *   member with a log that has told nothing is the one a facilitator may need to act on.
 * - At most WAIT_LIST_MAX entries, those with nothing told first, then the most blocks left; the
 *   rest counted in `more`, so a big group cannot make the status large.
 */
import type { GroupStatus } from '../api.ts'
import type { LogWait } from './first-sync.ts'

/** How many members the status names at most; the rest are counted. */
export const WAIT_LIST_MAX = 3

export type HistoryWait = NonNullable<GroupStatus['arriving']>

export function historyWait(waits: readonly LogWait[], memberOf: (logKey: string) => string | undefined, names: ReadonlyMap<string, string>): HistoryWait {
  const byMember = new Map<string, { told: boolean; read: number; of: number }>()
  let unnamed = 0
  for (const w of waits) {
    const id = memberOf(w.key)
    if (id === undefined) {
      unnamed++
      continue
    }
    const m = byMember.get(id) ?? { told: true, read: 0, of: 0 }
    if (w.blocks) {
      m.read += w.blocks.read
      m.of += w.blocks.of
    } else m.told = false
    byMember.set(id, m)
  }
  const left = (m: { told: boolean; read: number; of: number }): number => (m.told ? m.of - m.read : Infinity)
  const all = [...byMember].sort(([a, x], [b, y]) => left(y) - left(x) || (a < b ? -1 : a > b ? 1 : 0))
  const waitingFor = all.slice(0, WAIT_LIST_MAX).map(([memberId, m]) => ({
    // 'former member': core's stand-in (member-names.ts), which the renderer puts in the reader's language.
    memberId, name: names.get(memberId) ?? 'former member', ...(m.told ? { blocks: { read: m.read, of: m.of } } : {}),
  }))
  return { waitingFor, more: all.length - waitingFor.length + unnamed }
}
