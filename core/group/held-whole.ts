/**
 * Whether a doc already holds an update whole: every struct it carries is in the doc (its clock
 * ranges end at or below the doc's state) AND every range its delete set names is deleted there.
 * Applying such an update changes nothing, so it need not be applied.
 *
 * Why: a newcomer reads each log from its writer's shared checkpoint, then fetches the blocks the
 * checkpoint stood for and reads them as a check (checkpoint-reading.ts `backfill`). For an honest
 * writer the checkpoint holds every one of them already; Yjs would parse each struct of each (the
 * strings too) only to find it known. The check is against the doc, not the checkpoint's word: a
 * checkpoint that left out a word, a deletion (a reaction taken back is a delete set alone) or a
 * block of another doc (a hide) leaves an update not held whole, and Yjs applies it as before.
 *
 * "Known" alone (doc-set.ts `knownAlready`, for a checkpoint met after its blocks) reads no delete
 * set: there a checkpoint may not take back what was read. Here the update is the log's own block,
 * and its deletions must land.
 */
import * as Y from 'yjs'
import { updateReach } from './update-clocks.ts'

/** Whether applying `update` to `doc` would change nothing; false when it cannot tell (Yjs then judges it). */
export function heldWhole(doc: Y.Doc, update: Uint8Array): boolean {
  const reach = updateReach(update)
  if (!reach) return false
  for (const [client, clock] of reach.ends) if (Y.getState(doc.store, client) < clock) return false
  const d = reach.deletes
  for (let i = 0; i < d.length; i += 3) if (!deletedIn(doc, d[i] as number, d[i + 1] as number, d[i + 2] as number)) return false
  return true
}

/** Whether every struct of `client` in [clock, clock + length) is in the doc and deleted. */
function deletedIn(doc: Y.Doc, client: number, clock: number, length: number): boolean {
  if (length === 0) return true
  const structs = doc.store.clients.get(client)
  // A range past the doc's state is not here yet: Yjs keeps it as a pending deletion.
  if (!structs || Y.getState(doc.store, client) < clock + length) return false
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const s = structs[i] as Y.Item | Y.GC
    if (s.id.clock >= clock + length) break
    if (!s.deleted) return false
  }
  return true
}
