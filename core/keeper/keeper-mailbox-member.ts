/**
 * A member's side of the keeper's mailboxes (keeper-mailbox-wire.ts): on its keeper link, once
 * access is sent, it opens a mailbox for each live invite of the group and closes the mailboxes
 * of invites used up or withdrawn; it answers every request the keeper hands it exactly as a live
 * join would (the same `decide`, core/group/join.ts), and leaves the answer sealed under the
 * mailbox key. A request whose id is not the one its proof's identity derives is ignored: one
 * request per newcomer, and no request can be answered under another's id.
 */
import { openSecret, sealSecret } from '../crypto/secretbox.ts'
import { equalBytes } from '../crypto/hash.ts'
import { encodeAnswer, type JoinAnswer } from '../net/join-exchange.ts'
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { decodeJoinProof } from '../group/join-proof.ts'
import { isLive } from '../group/join.ts'
import type { InviteState } from '../group/invite-rules.ts'
import { challengeFor, decodeMailbox, encodeMailbox, mailboxKeys, MAILBOX_PROTOCOL, requestIdFor, type MailboxKeys, type MailboxMessage } from './keeper-mailbox-wire.ts'

export interface MailboxInvite { publicKey: Uint8Array; expiresAt: number }
type Send = (m: MailboxMessage) => void

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** Which invites have a mailbox open (live), and which must be emptied (used up or withdrawn, not yet expired). */
export function mailboxInvites(invites: Iterable<InviteState>, now: number): { live: MailboxInvite[]; dead: Uint8Array[] } {
  const live: MailboxInvite[] = []
  const dead: Uint8Array[] = []
  for (const i of invites) {
    const publicKey = Buffer.from(i.publicKey, 'hex')
    if (isLive(i, now) === null) live.push({ publicKey, expiresAt: i.expiresAt })
    else if (now <= i.expiresAt) dead.push(publicKey)
  }
  return { live, dead }
}

export class MemberMailboxes {
  private readonly live = new Map<string, { keys: MailboxKeys; expiresAt: number }>()
  private readonly dead = new Map<string, MailboxKeys>()
  private readonly lines = new Set<Send>()
  /**
   * Answers in flight, in order. Answering writes `member.admit`, which uses the invite up and
   * so closes its mailbox (set()); the CLOSE waits behind the REPLY, or the keeper would drop the
   * request before the answer arrived and the admitted newcomer would never get its welcome.
   */
  private replying: Promise<void> = Promise.resolve()
  /** Mailboxes the keeper said it opened, and this node has not closed since (tests and status). */
  readonly opened = new Set<string>()

  constructor(private readonly groupId: string, private readonly decide: (proof: Uint8Array, challenge: string) => Promise<JoinAnswer | null>) {}

  /** The group's live invites, and those no longer live whose mailbox must be emptied. */
  set(live: MailboxInvite[], dead: Uint8Array[]): void {
    const fresh: string[] = []
    const gone = new Set(this.live.keys())
    for (const i of live) {
      const k = hex(i.publicKey)
      gone.delete(k)
      if (!this.live.has(k)) fresh.push(k)
      this.live.set(k, { keys: this.live.get(k)?.keys ?? mailboxKeys(i.publicKey), expiresAt: i.expiresAt })
    }
    for (const k of gone) this.live.delete(k)
    const closing: MailboxKeys[] = []
    for (const p of dead) {
      const k = hex(p)
      if (this.dead.has(k)) continue
      const keys = mailboxKeys(p)
      this.dead.set(k, keys)
      this.opened.delete(hex(keys.id))
      closing.push(keys)
    }
    for (const send of this.lines) for (const k of fresh) this.openOn(send, k)
    if (closing.length === 0) return
    this.replying = this.replying.then(() => {
      for (const send of this.lines) for (const keys of closing) send({ kind: 'close', id: keys.id })
    })
  }

  /** The mailbox channel on a keeper connection; call the returned `ready` once access is sent. */
  attach(stream: NoiseStream): () => void {
    let channel: ProtomuxChannel | null = null
    let accessSent = false
    // Protomux calls onopen before it sets `opened`, so the channel's own flag cannot say it here.
    let open = false
    let started = false
    const send: Send = (m) => {
      try {
        channel?.messages[0]?.send(encodeMailbox(m))
      } catch {
        stream.destroy()
      }
    }
    // Both the access message and the channel's opening must come first, in either order.
    const start = (): void => {
      if (started || !accessSent || !open) return
      started = true
      this.lines.add(send)
      for (const k of this.live.keys()) this.openOn(send, k)
      for (const keys of this.dead.values()) send({ kind: 'close', id: keys.id })
    }
    try {
      channel = Protomux.from(stream).createChannel({
        protocol: MAILBOX_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage: (b) => {
          this.replying = this.replying.then(() => this.onMessage(send, b)).catch(() => undefined)
        } }],
        onopen: () => {
          open = true
          start()
        },
      })
      channel?.open()
    } catch {
      channel = null
    }
    stream.once('close', () => this.lines.delete(send))
    return () => {
      accessSent = true
      start()
    }
  }

  private openOn(send: Send, k: string): void {
    const box = this.live.get(k)
    if (!box) return
    const greeting = sealSecret(box.keys.key, Buffer.from(this.groupId, 'hex'))
    send({ kind: 'open', id: box.keys.id, topic: box.keys.topic, gate: box.keys.gate.publicKey, expiresAt: box.expiresAt, greeting })
  }

  private async onMessage(send: Send, bytes: Uint8Array): Promise<void> {
    const m = decodeMailbox(bytes)
    if (!m) return
    if (m.kind === 'result' && m.result === 'OPENED') this.opened.add(hex(m.id))
    if (m.kind !== 'request') return
    const box = [...this.live.values()].find((b) => equalBytes(b.keys.id, m.id))
    if (!box) return
    let proof: Uint8Array
    try {
      proof = openSecret(box.keys.key, m.request)
      if (!equalBytes(requestIdFor(box.keys, Buffer.from(decodeJoinProof(proof).joiner.id, 'hex')), m.requestId)) return
    } catch {
      return // not sealed under this invite's key, or not a proof: nobody with the code made it
    }
    const answer = await this.decide(proof, challengeFor(m.requestId))
    // This member cannot admit now (its own log is full or behind): the request stays for another.
    if (!answer) return
    send({ kind: 'reply', id: m.id, requestId: m.requestId, answer: sealSecret(box.keys.key, encodeAnswer(answer)) })
  }
}
