/**
 * When keeper-only mode (keeper-only.ts) is in force for one group online here. The setting is
 * wanted where governance names a keeper; it comes into force:
 * - at once when the group goes online with a keeper already named (nothing is ever announced),
 *   and at once when the member turns the setting on (their explicit choice closes connections);
 * - after a hand-over when governance names a keeper while this node runs: every member connected
 *   now must hold all of our own log (so `keeper.add` too). Without it, the member who adds the
 *   keeper would go quiet before the others had read `keeper.add`, and they, never learning of the
 *   keeper, could never reach it or this member again. Until then nothing new is revealed: those
 *   connections and the announcement were already there. Whether the keeper is reachable does not
 *   matter here: with keeper-only on, a keeper that is down means waiting, said in the status.
 * It ends at once when the setting is turned off or the keeper is removed. Before a removed
 * keeper's link closes, letGo() waits (at most LET_GO_MS) until the keeper holds our own log to
 * its end: the removal itself is the last block it gets from here, and it is the only way a
 * keeper-only member, who meets nobody else, can learn that the keeper is gone and come back to
 * the topic. Nothing written after the removal reaches it (keeper-governance.test.ts).
 */
import type { KeeperLink } from './keeper-link.ts'

const HANDOVER_CHECK_MS = 500
const LET_GO_MS = 15_000
const LET_GO_CHECK_MS = 100

type OwnLog = { readonly length: number; readonly peers: readonly { readonly remoteLength: number }[] }

export class KeeperOnlySwitch {
  private on: boolean
  private inForce = false
  private timer: NodeJS.Timeout | null = null

  constructor(
    on: boolean,
    private readonly keeperNamed: () => boolean,
    private readonly keeper: () => KeeperLink | null,
    private readonly ownLog: () => OwnLog | undefined,
    /** Called to look again while a hand-over waits (GroupOnline.refresh). */
    private readonly recheck: () => void,
  ) {
    this.on = on
    this.inForce = this.wanted()
  }

  /** Whether keeper-only mode is in force: the node announces nothing and meets no member. */
  get quiet(): boolean {
    return this.inForce
  }

  /** The member turned the setting on or off: it applies at once. */
  set(on: boolean): void {
    this.on = on
    this.inForce = this.wanted()
  }

  /** Looks again after governance or the connections moved; returns whether it is in force. */
  update(): boolean {
    if (!this.wanted()) this.inForce = false
    else if (!this.inForce && this.handedOver()) this.inForce = true
    else if (!this.inForce) this.later()
    return this.inForce
  }

  /** Governance no longer names the keeper we hold a link to: let it take our log to its end (the removal) first. */
  async letGo(): Promise<void> {
    const k = this.keeper()
    if (!k || this.keeperNamed()) return
    const deadline = Date.now() + LET_GO_MS
    for (;;) {
      const own = this.ownLog()
      if (!own || own.length === 0 || !k.connected() || k.holds(own) || Date.now() > deadline) return
      await new Promise((resolve) => setTimeout(resolve, LET_GO_CHECK_MS).unref?.())
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private wanted(): boolean {
    return this.on && this.keeperNamed()
  }

  private handedOver(): boolean {
    const k = this.keeper()
    const own = this.ownLog()
    return own !== undefined && own.peers.every((p) => k?.isKeeperPeer(p) === true || p.remoteLength >= own.length)
  }

  private later(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.recheck()
    }, HANDOVER_CHECK_MS)
    this.timer.unref?.()
  }
}
