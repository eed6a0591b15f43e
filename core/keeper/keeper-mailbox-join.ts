/**
 * The newcomer's side of the keeper's mailboxes (keeper-mailbox-wire.ts): beside the live join,
 * look up the mailbox topic derived from the code's invite key; at the keeper found there, ask
 * for the sealed greeting (the group id the proof needs), leave the sealed join request, and wait
 * on the same connection for the answer the next member online leaves. Looks again with the
 * joiner's backoff (rendezvous.ts) for a keeper that is not up yet. Like the live joiner it never
 * announces, and uses a fresh key pair (invite-swarm.ts).
 *
 * Only the group's keeper announces the topic (only members and code holders can derive it). Any
 * other server there learns nothing: it cannot open the request, and what it sends back does not
 * open under the mailbox key, so it is dropped.
 */
import { openSecret, sealSecret } from '../crypto/secretbox.ts'
import { Protomux, rawEncoding, type HyperswarmInstance, type NetworkOptions, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { decodeAnswer, type JoinAnswer } from '../net/join-exchange.ts'
import { startSwarm } from '../net/invite-swarm.ts'
import { Rendezvous } from '../net/rendezvous.ts'
import { challengeFor, decodeMailbox, encodeMailbox, mailboxKeys, MAILBOX_PROTOCOL, requestIdFor, signLeave, type MailboxKeys } from './keeper-mailbox-wire.ts'

export interface MailboxAskOptions {
  invitePublicKey: Uint8Array
  /** the newcomer's identity key for this group: its request id */
  identityKey: Uint8Array
  proofFor(groupId: string, challenge: string): Uint8Array
  /** The keeper holds our request; no answer yet. */
  onWaiting(groupId: string): void
  onAnswer(answer: JoinAnswer, groupId: string): void
}

export class MailboxAsk {
  private closed = false

  private constructor(
    private readonly swarm: HyperswarmInstance,
    private readonly stop: () => Promise<void>,
    private readonly rendezvous: Rendezvous,
  ) {}

  static async open(net: NetworkOptions, opts: MailboxAskOptions): Promise<MailboxAsk> {
    const keys = mailboxKeys(opts.invitePublicKey)
    const { swarm, dht } = await startSwarm(net)
    const rendezvous = new Rendezvous(swarm)
    const ask = new MailboxAsk(swarm, async () => {
      await swarm.destroy().catch(() => undefined)
      await dht.destroy({ force: true }).catch(() => undefined)
    }, rendezvous)
    swarm.on('connection', (conn: NoiseStream) => {
      conn.on('error', () => undefined)
      if (ask.closed) return conn.destroy()
      talk(conn, keys, opts)
    })
    swarm.join(keys.topic, { server: false, client: true })
    rendezvous.keepLooking()
    return ask
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.rendezvous.close()
    await this.stop()
  }
}

function talk(stream: NoiseStream, keys: MailboxKeys, opts: MailboxAskOptions): void {
  let channel: ProtomuxChannel | null = null
  let groupId: string | null = null
  const requestId = requestIdFor(keys, opts.identityKey)
  const send = (m: Parameters<typeof encodeMailbox>[0]): void => {
    try {
      channel?.messages[0]?.send(encodeMailbox(m))
    } catch {
      stream.destroy()
    }
  }
  const onmessage = (b: Uint8Array): void => {
    const m = decodeMailbox(b)
    if (!m || m.kind !== 'result') return
    try {
      if (m.result === 'GREETING' && groupId === null) {
        const id = openSecret(keys.key, m.body)
        if (id.length !== 16) return
        groupId = Buffer.from(id).toString('hex')
        const request = sealSecret(keys.key, opts.proofFor(groupId, challengeFor(requestId)))
        return send({ kind: 'leave', id: keys.id, requestId, signature: signLeave(keys, requestId, request), request })
      }
      // A refusal (MAILBOX_FULL, MAILBOX_UNKNOWN, …) is not sealed: any server on the topic could
      // send one, so it answers nothing; the live join goes on and says what it finds.
      if (groupId === null) return
      if (m.result === 'WAITING') return opts.onWaiting(groupId)
      if (m.result === 'ANSWERED') {
        const answer = decodeAnswer(openSecret(keys.key, m.body))
        if (answer) opts.onAnswer(answer, groupId)
      }
    } catch {
      // not sealed under this invite's key: not our group's keeper; say nothing
    }
  }
  try {
    channel = Protomux.from(stream).createChannel({
      protocol: MAILBOX_PROTOCOL,
      messages: [{ encoding: rawEncoding, onmessage }],
      onopen: () => send({ kind: 'ask', id: keys.id }),
    })
    channel?.open()
  } catch {
    channel = null
  }
  if (!channel) stream.destroy()
}
