/**
 * In-memory peers for governance tests: each peer is a real GroupSpace over its own array-backed
 * device log (the AppendLog storage double), and "syncing" is reading another peer's log. A
 * partition is simply not reading each other's logs. Blocks are sealed and opened with the real
 * block codec, so a key a peer does not hold really does not open a block.
 */
import { GroupSpace } from '../../../core/group/group-space.ts'
import { repairEpochs } from '../../../core/group/epoch-keeper.ts'
import type { Identity } from '../../../core/crypto/identity.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'
import { foundGroup, hex, identity, idOf, MemLog } from '../group/support.ts'

export interface Peer {
  name: string
  space: GroupSpace
  log: MemLog
  id: Identity
  me: string
}

/** Copies of every epoch key a peer holds now. */
export function keysOf(p: Peer): Map<number, Uint8Array> {
  return new Map(p.space.heldEpochs().map((e): [number, Uint8Array] => [e, p.space.epochKey(e)]))
}

let clock = 1_700_000_000_000
export const now = (): number => ++clock

/** A group founded by `name`, who is its first facilitator. */
export async function founder(rnd: SeededRandom, name: string, settings: Parameters<typeof foundGroup>[1] = {}): Promise<Peer> {
  const g = await foundGroup(rnd, settings)
  return { name, space: g.space, log: g.log, id: g.creator, me: g.me }
}

/**
 * A newcomer admitted directly by `by` (a facilitator), holding the keys `by` holds, as a
 * welcome would hand them over.
 */
export async function admit(rnd: SeededRandom, by: Peer, name: string, role: 'member' | 'facilitator' = 'member'): Promise<Peer> {
  const id = identity(rnd)
  const log = new MemLog(hex(rnd.bytes(32)))
  const groupId = by.space.groupId as string
  await by.space.writeGovernance({
    v: 1, kind: 'member.admit', group: groupId, author: by.me, at: now(), seen: by.space.seen(),
    body: { member: { id: idOf(id), boxKey: hex(id.boxPublicKey), device: log.key, pseudonym: name }, role, epochs: by.space.heldEpochs() },
  })
  const space = new GroupSpace(log, { identity: id, epochs: keysOf(by), current: by.space.currentEpoch }, { groupId })
  const peer = { name, space, log, id, me: idOf(id) }
  await pull(peer, by)
  return peer
}

/**
 * Each peer's own copies of other peers' logs, as replication would leave them: a space reads
 * (and, on a rebuild, re-reads) only what was copied to it, never a log's later blocks.
 */
const replicas = new WeakMap<Peer, Map<string, MemLog>>()

/** `to` copies every block of `from`'s log it does not have yet, and reads it. */
export async function pull(to: Peer, ...from: Peer[]): Promise<void> {
  const mine = replicas.get(to) ?? new Map<string, MemLog>()
  replicas.set(to, mine)
  for (const f of from) {
    if (f === to) continue
    const copy = mine.get(f.log.key) ?? new MemLog(f.log.key)
    mine.set(f.log.key, copy)
    while (copy.blocks.length < f.log.blocks.length) copy.blocks.push((f.log.blocks[copy.blocks.length] as Uint8Array).slice())
    await to.space.catchUp(copy)
  }
}

/**
 * Everyone reads everyone and does the epoch repairs governance asks for (as the registry does
 * after every governance change), until a round changes nothing.
 */
export async function syncAll(peers: Peer[]): Promise<void> {
  const size = (): number => peers.reduce((n, p) => n + p.log.length, 0)
  for (let round = 0; round < 10; round++) {
    const before = size()
    for (const p of peers) await pull(p, ...peers)
    for (const p of peers) await repairEpochs(p.space, now)
    for (const p of peers) await pull(p, ...peers)
    if (size() === before) return
  }
  throw new Error('peers did not settle')
}

export async function post(p: Peer, text: string): Promise<void> {
  await p.space.change(memberDocId(p.me), (d) => new MemberDoc(d, p.me).addPost({ topic: 'story', text, cw: null }, now()))
}

/** The feed's texts, sorted, with former members' earlier words included (as the service shows it). */
export function texts(p: Peer): string[] {
  const gov = p.space.governance
  const authors = new Set([...gov.members.keys(), ...gov.former.keys()])
  return feed({ me: p.me, members: gov.members, docs: p.space.docs.memberDocs(), rules: null, authors }, { limit: 100 }).posts.map((x) => x.text).sort()
}

/** What must be equal on every peer: membership, roles, device grants, epochs. */
export function govState(p: Peer): unknown {
  const gov = p.space.governance
  return {
    members: [...gov.members.values()].map((m) => `${m.id}|${m.role}`).sort(),
    former: [...gov.former.values()].map((m) => `${m.id}|${m.reason}`).sort(),
    grants: [...gov.grants()].sort(),
    epochs: gov.epochs.chain,
  }
}
