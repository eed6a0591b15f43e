/**
 * A log behind a relay that withholds part of it, in real Hypercores on temp folders (the tail
 * guard's and the first-sync guard's tests): the writer's store holds every block; a relay's
 * store holds all but [from, to); the newcomer's store is linked to the relay alone. Linking the
 * writer's store to the newcomer's (`serveFromWriter`) brings the middle.
 */
import type { ReadLog } from '../../../core/group/group-space.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { heldUntil } from '../../../core/store/block-batch.ts'
import type { CorestoreInstance, HypercoreSession } from '../../../core/store/holepunch.ts'
import type { PeerLog } from '../../../core/store/log-store.ts'
import { link } from '../../helpers/corestores.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'

/** A Hypercore session as the space reads a peer log (log-store.ts), under `key`: held as the bitfield says. */
export function peerLog(key: string, core: HypercoreSession): ReadLog & PeerLog {
  return {
    key,
    get length() { return core.length },
    get: (i) => core.get(i, { wait: false }) as Promise<Uint8Array | null>,
    heldUntil: (from, end) => heldUntil(core, from, end),
  }
}

/** The newcomer's session of `blocks` as served by a relay without [from, to), and how to link the writer. */
export async function relayWithout(store: () => CorestoreInstance, rnd: SeededRandom, blocks: readonly Uint8Array[], [from, to]: [number, number]): Promise<{ core: HypercoreSession; serveFromWriter(): void }> {
  const ws = store()
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
  await writer.ready()
  // One batch (Hypercore appends an array of blocks at once; Hearth's typed surface names one).
  await writer.append(blocks.map((b) => Buffer.from(b)) as unknown as Uint8Array, { keyPair: kp })
  const rs = store()
  const cut = link(ws, rs)
  const relay = rs.get({ key: writer.key as Uint8Array })
  await relay.ready()
  await relay.download({ start: 0, end: from }).done()
  await relay.download({ start: to, end: writer.length }).done()
  cut()
  const ns = store()
  link(rs, ns)
  const core = ns.get({ key: writer.key as Uint8Array })
  await core.ready()
  return { core, serveFromWriter: () => void link(ws, ns) }
}
