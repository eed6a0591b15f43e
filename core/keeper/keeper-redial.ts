/**
 * Dialling the keeper again after it went away (issue 15). A member's link dials the keeper by
 * key (`joinPeer`), and Hyperswarm gives up on an explicit peer after five failed attempts in a
 * row (hyperswarm index.js `_attemptClientConnections`: `attempts >= 5` is skipped for good): a
 * keeper restarted, or down for a minute, was then never reached again until the member's node
 * restarted. So while the link has no connection, it forgets the peer and joins it again
 * (`leavePeer` + `joinPeer`, which starts from zero attempts), with the joiner's bounded backoff
 * (rendezvous.ts `backoffMs`: 1 s, 2 s, 3 s, after two minutes up to 15 s), until it connects.
 */
import { backoffMs } from '../net/rendezvous.ts'

export class Redial {
  private timer: NodeJS.Timeout | null = null
  private since = 0
  private n = 0
  private closed = false

  constructor(private readonly dial: () => void, private readonly connected: () => boolean) {}

  /** The link lost its last connection: keep dialling until it has one again. */
  start(): void {
    if (this.closed || this.timer) return
    this.since = Date.now()
    this.n = 0
    this.next()
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private next(): void {
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.closed || this.connected()) return
      try {
        this.dial()
      } catch {
        // the swarm is closing; close() follows
      }
      this.next()
    }, backoffMs(this.n++, Date.now() - this.since))
    this.timer.unref?.()
  }
}
