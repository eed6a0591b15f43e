/**
 * Shared helpers for the group tests: seeded identities, genesis events shaped like
 * GroupRegistry.create writes them, and array-backed device logs (the storage double the
 * AppendLog interface exists for; real Corestore is the integration suite's business).
 */
import * as Y from 'yjs'
import { identityFromSeed, type Identity } from '../../../core/crypto/identity.ts'
import type { SignedEvent, UnsignedEvent } from '../../../core/group/gov-event.ts'
import { GroupSpace, type AppendLog } from '../../../core/group/group-space.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { DEFAULT_TOPICS } from '../../../core/model/vocabulary.ts'
import { quotaEndFromSizes } from '../../../core/group/log-quota.ts'
import type { SeededRandom } from '../../helpers/seeded-random.ts'

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
export const idOf = (i: Identity): string => hex(i.signPublicKey)

export function identity(rnd: SeededRandom): Identity {
  return identityFromSeed(rnd.bytes(32))
}

export type SignedGenesis = Extract<SignedEvent, { kind: 'genesis' }>
export type UnsignedGenesis = Omit<SignedGenesis, 'sig'>

export function genesisEvent(author: Identity, device: string, over: { settings?: Partial<GenesisSettings>; at?: number } = {}): UnsignedGenesis {
  return {
    v: 1, kind: 'genesis', group: '', author: idOf(author), at: over.at ?? 1_700_000_000_000, seen: {},
    body: {
      name: 'Tuesday circle', mode: 'survivor-led',
      settings: {
        topics: DEFAULT_TOPICS.map((t) => ({ ...t })),
        rulesWriters: ['facilitator'], inviters: ['facilitator', 'member'], flagThreshold: 3,
        ...over.settings,
      },
      creator: { pseudonym: 'Fay', boxKey: hex(author.boxPublicKey), device },
    },
  }
}
type GenesisSettings = UnsignedGenesis['body']['settings']

/** `member.admit` of `newcomer` speaking through `device`, written by `author`. */
export function admitEvent(groupId: string, author: string, newcomer: Identity, device: string, role: 'member' | 'facilitator' = 'member'): UnsignedEvent {
  return {
    v: 1, kind: 'member.admit', group: groupId, author, at: 1_700_000_000_001, seen: {},
    body: { member: { id: idOf(newcomer), boxKey: hex(newcomer.boxPublicKey), device, pseudonym: 'Newcomer' }, role },
  }
}

/** A device log in memory. Appends resolve at once unless the test holds them with `hold()`. */
export class MemLog implements AppendLog {
  readonly blocks: Uint8Array[] = []
  private held: (() => void)[] | null = null

  constructor(readonly key: string) {}

  get length(): number {
    return this.blocks.length
  }

  private summed = 0
  private bytes = 0

  /** As Hypercore's signed tree sums it: every block's size (summed as blocks arrive). */
  get byteLength(): number {
    if (this.summed > this.blocks.length) this.summed = this.bytes = 0
    while (this.summed < this.blocks.length) this.bytes += (this.blocks[this.summed++] as Uint8Array).length
    return this.bytes
  }

  quotaEnd(budget: number): Promise<number> {
    return Promise.resolve(quotaEndFromSizes(this.blocks.map((b) => b.length), budget))
  }

  append(block: Uint8Array): Promise<number> {
    const index = this.blocks.push(block.slice()) - 1
    if (!this.held) return Promise.resolve(index)
    const held = this.held
    return new Promise((resolve) => held.push(() => resolve(index)))
  }

  get(index: number): Promise<Uint8Array | null> {
    return Promise.resolve(this.blocks[index] ?? null)
  }

  /** From now on appends stay unresolved ("not durable yet") until `release()`. */
  hold(): void {
    this.held = []
  }

  release(): void {
    const held = this.held ?? []
    this.held = null
    for (const r of held) r()
  }
}

export interface Founded {
  space: GroupSpace
  log: MemLog
  creator: Identity
  me: string
  epochKey: Uint8Array
  changed: string[][]
}

/** A group as GroupRegistry.create founds it: genesis in block 0 of the creator's own log. */
export async function foundGroup(rnd: SeededRandom, settings: Partial<GenesisSettings> = {}): Promise<Founded> {
  const creator = identity(rnd)
  const log = new MemLog(hex(rnd.bytes(32)))
  const epochKey = rnd.bytes(32)
  const changed: string[][] = []
  const space = new GroupSpace(log, { identity: creator, epochs: new Map([[0, epochKey.slice()]]), current: 0 }, { onChange: (ids) => changed.push(ids) })
  await space.writeGovernance(genesisEvent(creator, log.key, { settings }))
  return { space, log, creator, me: idOf(creator), epochKey, changed }
}

/** The logs `space` reads from a checkpoint whose covered blocks are not read yet: log key → end (exclusive). */
export function backfillsLeft(space: GroupSpace): Map<string, number> {
  return new Map([...space.reading.backfillEnds()].map(([k, b]) => [k, b.end]))
}

/** A Yjs update block, sealed the way a peer's device would seal it. */
export function updateBlock(key: Uint8Array, docId: string, update: Uint8Array, epoch = 0): Uint8Array {
  return encodeBlock({ epoch, kind: BlockKind.YjsUpdate, docId, payload: update }, key)
}

/** The update that `fn` makes to a doc holding `base` (what a peer would send after syncing). */
export function updateOn(base: Uint8Array | null, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, base)
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}
