/**
 * The refused peers of one group swarm (group-swarm.ts): a noise key whose member-auth failed is
 * banned for a cooldown, so a stranger cannot keep the member-auth path busy, and the ban lifts
 * at the cooldown's end or at once on forgive(), because a refused newcomer may be admitted by a
 * governance event that has not reached us yet, or a member was only too slow to prove itself.
 *
 * Why a map of our own. Hyperswarm's ban lives on its PeerInfo record, and that record can be gone
 * before we ban it: member-auth resolves its refusal and destroys the stream at once, and when the
 * stream's close runs before our continuation, Hyperswarm deletes the (not yet banned) record; the
 * ban then lands on a detached object and the next dial from that key gets a fresh, unbanned one.
 * So the swarm's firewall asks has() too. Lifting a ban dials nobody: onLifted looks the topic up
 * again (at most once per cooldown, so a stream of strangers cannot keep us looking).
 *
 * Moved out of group-swarm.ts unchanged (2026-12-06), to keep that file to its connections.
 */
import type { PeerInfo } from './holepunch-net.ts'

export const REJECT_COOLDOWN_MS = 30_000

export interface RefusalOptions {
  cooldownMs: number
  /** Hyperswarm's current record of a key, which our firewall made it ban. */
  current(key: string): PeerInfo | undefined
  /** A cooldown ended; called at most once per cooldown. */
  onLifted(): void
}

export class Refusals {
  /** Refused noise keys (hex) and their cooldown timers. */
  private readonly refused = new Map<string, { timer: ReturnType<typeof setTimeout>; info: PeerInfo }>()
  private liftLookedAt = 0

  constructor(private readonly opts: RefusalOptions) {}

  /** Bans a refused Hyperswarm peer for the cooldown (a refusal again restarts it). */
  refuse(info: PeerInfo): void {
    const key = Buffer.from(info.publicKey).toString('hex')
    const held = this.refused.get(key)
    if (held) clearTimeout(held.timer)
    info.ban(true)
    const cooldown = this.opts.cooldownMs
    const timer = setTimeout(() => {
      this.lift(key)
      // Hyperswarm dropped the peer when we banned it, so nobody dials it when the ban ends; a
      // member refused while its node was too slow to prove itself (timeout) would stay apart
      // until the next start or wake. Look again, at most once per cooldown: a stream of
      // strangers must not keep us looking (one look re-queues every peer whose ban has ended).
      const now = Date.now()
      if (now - this.liftLookedAt < cooldown) return
      this.liftLookedAt = now
      this.opts.onLifted()
    }, cooldown)
    timer.unref?.()
    this.refused.set(key, { timer, info })
  }

  has(remote: Uint8Array): boolean {
    return this.refused.has(Buffer.from(remote).toString('hex'))
  }

  /** Ends one key's cooldown: ours, the record we banned, and the one our firewall made Hyperswarm ban. */
  lift(key: string): void {
    const held = this.refused.get(key)
    if (!held) return
    clearTimeout(held.timer)
    this.refused.delete(key)
    held.info.ban(false)
    this.opts.current(key)?.ban(false)
  }

  /** Lifts every cooldown; true when there was any. */
  liftAll(): boolean {
    const any = this.refused.size > 0
    for (const key of [...this.refused.keys()]) this.lift(key)
    return any
  }

  /** Clears the timers without lifting (the swarm is closing). */
  close(): void {
    for (const { timer } of this.refused.values()) clearTimeout(timer)
    this.refused.clear()
  }
}
