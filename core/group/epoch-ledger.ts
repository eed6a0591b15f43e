/**
 * The epoch ledger (DESIGN.md §3.1, §3.3): which epoch keys the group has, in replay order, and
 * which members are known to hold each. It is part of governance state, so every peer that holds
 * the same events computes the same ledger.
 *
 * Epoch ids: 0 is the genesis key; every rotation names a random non-zero u32 (the block codec's
 * epoch field) and is invalid if that id was used before. The current epoch is the last valid
 * rotation. A member holds an epoch when a lockbox of it was sealed to them (rotation or share),
 * or when their welcome handed it over (`member.admit` body `epochs`; absent = every epoch known
 * at that point, the welcome's rule).
 *
 * Two repair duties follow from it, and any member that sees one acts (core/group/epoch-keeper.ts):
 *   - needs a rotation: someone no longer a member holds the current epoch;
 *   - lacking: a current member holds no lockbox or welcome for the current epoch (an admission
 *     concurrent with a rotation), so a holder hands it on with `epoch.share`.
 */
import { errors } from '../errors.ts'

export class EpochLedger {
  /** valid epoch ids in replay order; the last is current */
  readonly chain: number[] = [0]
  /** epoch id → the key check its rotation announced (none for genesis) */
  readonly checks = new Map<number, string>()
  /** epoch id → member ids known to hold its key */
  readonly holders = new Map<number, Set<string>>([[0, new Set()]])

  constructor(creator: string) {
    this.holders.get(0)?.add(creator)
  }

  get current(): number {
    return this.chain[this.chain.length - 1] as number
  }

  /** Validates a rotation against the ledger; throws BLOCK_MALFORMED for a reused id. */
  checkRotation(epoch: number): void {
    if (epoch === 0 || this.holders.has(epoch)) throw errors.BLOCK_MALFORMED('epoch id already used')
  }

  rotate(epoch: number, check: string, recipients: Iterable<string>): void {
    this.checkRotation(epoch)
    this.chain.push(epoch)
    this.checks.set(epoch, check)
    this.holders.set(epoch, new Set(recipients))
  }

  /** A share must name a valid epoch with the same check its rotation announced. */
  share(epoch: number, check: string, recipients: Iterable<string>): void {
    const held = this.holders.get(epoch)
    if (!held || this.checks.get(epoch) !== check) throw errors.BLOCK_MALFORMED('no such epoch')
    for (const r of recipients) held.add(r)
  }

  /** A newcomer's welcome handed over these epochs (every known one when not said). */
  admitted(member: string, epochs: readonly number[] | undefined): void {
    for (const e of epochs ?? this.chain) this.holders.get(e)?.add(member)
  }

  /** Comparable summary for governance fingerprints. */
  summary(): unknown {
    return [this.chain, [...this.holders].map(([e, s]) => [e, [...s].sort()])]
  }
}
