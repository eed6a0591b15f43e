/**
 * Views are never partial: when a late event takes rights away, a key arrives or a log is frozen,
 * a group space is rebuilt by reading every known log again into a new space built aside — a
 * shadow GroupSpace sharing the logs and keys — whose docs, read positions and governance are
 * then swapped in at once, synchronously. A feed read meanwhile shows the state before, whole.
 * Local changes made during the rebuild are applied to the new state at the swap; blocks a
 * concurrent catch-up read meanwhile are read into the shadow before it. The caller
 * (GroupSpace.rebuild) runs rebuilds one at a time.
 */
import * as Y from 'yjs'
import { DocSet } from './doc-set.ts'
import { GroupSpace, LOCAL, type ReadLog } from './group-space.ts'

export async function rebuildAside(space: GroupSpace): Promise<void> {
  const keys = space.keys
  if (!keys) return
  const changed = new Set<string>()
  const shadow = new GroupSpace(space.own, keys, { groupId: space.groupId, onKeys: space.onKeys, onChange: (ids) => ids.forEach((id) => changed.add(id)) })
  // Logs under suspicion stay checked update by update: the shadow's docs share the one set.
  shadow.docs.destroy()
  shadow.docs = new DocSet(space.suspects)
  for (const r of space.govLog.records()) shadow.addGovernance(r.logKey, r.index, r.payload, true)
  shadow.replayGovernance()
  // Logs read from a checkpoint are read from it again; if the new governance refuses it,
  // they are fetched whole (needsFull).
  shadow.reading.planLike(space.reading)
  space.local = []
  try {
    const logs = (): ReadLog[] => [...space.logs.values()]
    for (const log of logs()) await shadow.catchUp(log)
    // Blocks this space read while the shadow was reading (a concurrent catch-up) are read too.
    for (const log of logs()) if ((space.next.get(log.key) ?? 0) > (shadow.next.get(log.key) ?? 0)) await shadow.catchUp(log)
  } catch (e) {
    space.local = null
    shadow.docs.destroy()
    throw e
  }
  if (space.keys !== keys) {
    space.local = null
    shadow.docs.destroy() // locked meanwhile: nothing to show
    return
  }
  swap(space, shadow)
  if (changed.size) space.onChange([...changed])
}

/** The swap: synchronous, so no read sees half of it. */
function swap(space: GroupSpace, shadow: GroupSpace): void {
  const local = space.local ?? []
  space.local = null
  for (const { docId, update } of local) Y.applyUpdate(shadow.docs.doc(docId), update, LOCAL)
  for (const [docId, q] of space.queued) Y.applyUpdate(shadow.docs.doc(docId), q.update, LOCAL)
  space.docs.destroy()
  space.docs = shadow.docs
  const copy = <K, V>(to: Map<K, V>, from: Map<K, V>): void => {
    to.clear()
    for (const [k, v] of from) to.set(k, v)
  }
  copy(space.next, shadow.next)
  copy(space.unreadable, shadow.unreadable)
  space.reading.adopt(shadow.reading)
  for (const r of shadow.govLog.records()) space.addGovernance(r.logKey, r.index, r.payload, true)
  space.gov = space.govLog.replay()
  space.blocksRead += shadow.blocksRead
}
