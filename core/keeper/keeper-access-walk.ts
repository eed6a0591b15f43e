/**
 * A member's side of proving access to the keeper when the access key follows the epoch
 * (keeper-wire.ts, keeper-succession.ts). Pure: given the keeper's answers it says what to send.
 *
 * The member holds its epochs' access keys in chain order, the current one last (AccessChain).
 * On each connection it proves the current key without asking to be taken on, then:
 *   served   → if the key served is older than our current, send the successor to the next one
 *              in our chain (the keeper moves the group, and we are served under it); repeat.
 *   unknown  → the keeper does not know that key: try the one before it; when none is left,
 *              prove the current key again, this time with the registration proof.
 *   retired  → the keeper knows a successor: open our box in it, prove the key it hands us.
 *              No box of ours (a removed member), or a successor not signed by its key: stop.
 */
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { accessFromSeed, accessSeed, type AccessKeyPair } from './keeper-wire.ts'
import { encodeSucceed, openSuccessor, type Answer } from './keeper-succession.ts'
import { equalBytes } from '../crypto/hash.ts'

/** How many of the newest epochs' keys a member walks back through. */
export const MAX_CHAIN = 8

interface Entry {
  pair: AccessKeyPair
  seed: Uint8Array
}

export type Say =
  | { kind: 'access'; pair: AccessKeyPair; register: boolean }
  | { kind: 'succeed'; message: Uint8Array }
  | { kind: 'served'; pair: AccessKeyPair }
  | { kind: 'stop'; code: 'KEEPER_ACCESS_RETIRED' | 'KEEPER_GROUP_UNKNOWN' }

/** The group's access keys for one keeper, oldest first, and who gets a box in a successor. */
export class AccessChain {
  private entries: Entry[] = []
  private boxKeys: Uint8Array[] = []

  constructor(readonly keeperKey: Uint8Array) {}

  /** Our epoch keys in the group's chain order (current last) and the remaining members' box keys. */
  set(epochKeys: readonly Uint8Array[], boxKeys: readonly Uint8Array[]): boolean {
    const next: Entry[] = []
    for (const key of epochKeys.slice(-MAX_CHAIN)) {
      const seed = accessSeed(key, this.keeperKey)
      const have = this.entries.find((e) => equalBytes(e.seed, seed))
      if (have) wipe(seed)
      next.push(have ?? { seed, pair: accessFromSeed(seed) })
    }
    const changed = next.length !== this.entries.length || next.some((e, i) => e !== this.entries[i])
    for (const e of this.entries) if (!next.includes(e)) this.wipeEntry(e)
    this.entries = next
    this.boxKeys = boxKeys.map((k) => copyBytes(k))
    return changed
  }

  get length(): number {
    return this.entries.length
  }

  at(i: number): AccessKeyPair {
    return (this.entries[i] as Entry).pair
  }

  indexOf(publicKey: Uint8Array): number {
    return this.entries.findIndex((e) => equalBytes(e.pair.publicKey, publicKey))
  }

  /** The successor message from entry i to entry i + 1. */
  succeed(i: number): Uint8Array {
    const next = this.entries[i + 1] as Entry
    return encodeSucceed(this.at(i).publicKey, next.pair, next.seed, this.boxKeys, this.keeperKey)
  }

  wipe(): void {
    for (const e of this.entries) this.wipeEntry(e)
    this.entries = []
  }

  private wipeEntry(e: Entry): void {
    wipe(e.seed)
    wipe(e.pair.secretKey)
  }
}

/** One connection's walk. */
export class AccessWalk {
  private proving: AccessKeyPair | null = null
  private served: AccessKeyPair | null = null
  private registering = false
  /** whether the last thing sent was a successor (its answer is about `served`) */
  private succeeding = false

  constructor(
    private readonly chain: AccessChain,
    private readonly box: { publicKey: Uint8Array; secretKey: Uint8Array },
  ) {}

  /** Whether start() said something (we held an epoch key then). */
  started = false

  /** What to send first; null when we hold no epoch key yet (setEpochs starts it later). */
  start(): Say | null {
    if (this.chain.length === 0) return null
    this.started = true
    return this.prove(this.chain.at(this.chain.length - 1), false)
  }

  /** The key this connection is served under, or null. */
  get servedKey(): AccessKeyPair | null {
    return this.served
  }

  onAnswer(a: Answer): Say | null {
    if (a.kind === 'served') {
      this.served = this.proving
      this.succeeding = false
      return this.advance()
    }
    if (a.kind === 'unknown') {
      if (this.registering || !this.proving) return { kind: 'stop', code: 'KEEPER_GROUP_UNKNOWN' }
      const i = this.chain.indexOf(this.proving.publicKey)
      if (i > 0) return this.prove(this.chain.at(i - 1), false)
      return this.prove(this.chain.at(this.chain.length - 1), true)
    }
    const about = this.succeeding ? this.served : this.proving
    const pair = about ? openSuccessor(a.succeed, about.publicKey, this.chain.keeperKey, this.box) : null
    if (!pair) return { kind: 'stop', code: 'KEEPER_ACCESS_RETIRED' }
    this.served = null
    return this.prove(pair, false)
  }

  /** After the chain changed (a rotation read): move the keeper on if we are served under an older key. */
  advance(): Say | null {
    const served = this.served
    if (!served) return null
    const i = this.chain.indexOf(served.publicKey)
    if (i < 0 || i >= this.chain.length - 1) return { kind: 'served', pair: served }
    this.proving = this.chain.at(i + 1)
    this.succeeding = true
    return { kind: 'succeed', message: this.chain.succeed(i) }
  }

  private prove(pair: AccessKeyPair, register: boolean): Say {
    this.proving = pair
    this.registering = register
    this.succeeding = false
    return { kind: 'access', pair, register }
  }
}
