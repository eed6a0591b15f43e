/**
 * The rule that keeps this device from contradicting itself: it never appends at an index it may
 * already have published with other words (docs/decisions.md, 2026-12-06 "Damage never destroys").
 * A published own log may take a new block only when
 *
 *   - it is at least as long as the own-log record says it was (log-lengths.ts): else it is
 *     BEHIND, a lost tail, and waits for its own signed blocks to come back from peers (a
 *     replicating Hypercore accepts them; its `length` grows and the refusal lifts by itself);
 *   - no connected peer says it holds more of this log than we do: else it is BEHIND too (the
 *     case the record cannot see: a profile rolled back whole, its record with it);
 *   - after a move, a restore or a lost record (UNCONFIRMED), at least one peer has told us its
 *     length for this log and none holds more. That first answer confirms the log for good.
 *
 * The personal log is never published, so it has no guard.
 */
import { errors } from '../errors.ts'
import type { HypercoreSession } from './holepunch.ts'
import type { LogLengths } from './log-lengths.ts'

export type OwnLogState =
  | { state: 'ok'; length: number }
  | { state: 'behind'; length: number; expected: number }
  | { state: 'unconfirmed'; length: number }

/** What a peer said about this log (Hypercore's replicator peer). */
interface PeerView {
  readonly remoteLength: number
  readonly remoteSynced?: boolean
}

export class OwnLogGuard {
  constructor(
    private readonly lengths: LogLengths,
    private readonly key: string,
  ) {}

  /** Where this log stands now; confirms an unconfirmed log once a peer has answered. */
  state(core: Pick<HypercoreSession, 'length' | 'peers'>): OwnLogState {
    const length = core.length
    const rec = this.lengths.get(this.key)
    const peers = (core.peers as readonly PeerView[]).filter((p) => p.remoteSynced !== false)
    const longest = Math.max(rec?.length ?? 0, ...peers.map((p) => p.remoteLength))
    if (length < longest) return { state: 'behind', length, expected: longest }
    if (rec?.unconfirmed) {
      if (!peers.length) return { state: 'unconfirmed', length }
      void this.lengths.note(this.key, length, false)
    }
    return { state: 'ok', length }
  }

  /** Throws LOG_BEHIND or LOG_UNCONFIRMED when an append now could contradict a published block. */
  beforeAppend(core: Pick<HypercoreSession, 'length' | 'peers'>): void {
    const s = this.state(core)
    if (s.state === 'behind') throw errors.LOG_BEHIND(`this device holds ${s.length} of its ${s.expected} blocks in this group`)
    if (s.state === 'unconfirmed') throw errors.LOG_UNCONFIRMED()
  }

  /**
   * Records the new length; the write is durable within one fsync, coalesced with later ones. The
   * append does not wait for it (bulk appends would pay an fsync pair each); a write a person is
   * told is done does: core/service.ts waits for the record after any call that moved it, so every
   * acknowledged block is covered. The record may trail the log only by blocks nobody was told
   * about; one of those replicated and then lost with the write-ahead log is still caught by rule 2
   * (a peer holds more).
   */
  afterAppend(length: number): void {
    void this.lengths.note(this.key, length)
  }
}
