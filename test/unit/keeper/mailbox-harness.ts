/**
 * A keeper's mailboxes (keeper-mailbox.ts) over real Noise streams in memory, for unit tests: members
 * and newcomers as Protomux channels, with the keeper's clock, announcements, files and quota in reach.
 */
import { randomBytes } from '../../../core/crypto/random.ts'
import { KeeperMailboxes, type MailboxQuota } from '../../../core/keeper/keeper-mailbox.ts'
import type { MailboxFiles } from '../../../core/keeper/keeper-mailbox-file.ts'
import { decodeMailbox, encodeMailbox, MAILBOX_PROTOCOL, requestIdFor, signLeave, type MailboxKeys, type MailboxMessage } from '../../../core/keeper/keeper-mailbox-wire.ts'
import { Protomux, rawEncoding } from '../../../core/net/holepunch-net.ts'
import { noisePair } from '../net/noise-pair.ts'

export const DAY = 24 * 3_600_000

export interface Client { got: MailboxMessage[]; used: { yes: boolean }; send(m: MailboxMessage): void; closed: Promise<void>; next(match: (m: MailboxMessage) => boolean): Promise<MailboxMessage> }

export function setUp(extra: { files?: MailboxFiles; quota?: MailboxQuota; now?: { t: number } } = {}): { keeper: KeeperMailboxes; announced: string[]; now: { t: number }; connect(group: string | null): Client } {
  const announced: string[] = []
  const now = extra.now ?? { t: 1_000_000 }
  const keeper = new KeeperMailboxes({ ...extra, now: () => now.t, announce: (topic, on) => announced.push(`${on ? '+' : '-'}${Buffer.from(topic).toString('hex').slice(0, 8)}`) })
  return {
    keeper, announced, now,
    connect(group) {
      const [k, c] = noisePair()
      const used = { yes: false }
      keeper.attach(k, () => group, () => { used.yes = true })
      const got: MailboxMessage[] = []
      const waiters: (() => void)[] = []
      const ch = Protomux.from(c).createChannel({
        protocol: MAILBOX_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage: (b: Uint8Array) => {
          const m = decodeMailbox(b)
          if (m) got.push(m)
          for (const w of waiters.splice(0)) w()
        } }],
      })
      ch?.open()
      const closed = new Promise<void>((r) => c.once('close', () => r()))
      return {
        got, closed, used,
        send: (m) => ch?.messages[0]?.send(encodeMailbox(m)),
        next: async (match) => {
          for (;;) {
            const hit = got.find(match)
            if (hit) return hit
            await new Promise<void>((r) => waiters.push(r))
          }
        },
      }
    },
  }
}

export const result = (name: string, rid?: Uint8Array) => (m: MailboxMessage): boolean =>
  m.kind === 'result' && m.result === name && (!rid || Buffer.from(m.requestId).equals(Buffer.from(rid)))

export function open(keys: MailboxKeys, expiresAt: number): MailboxMessage & { kind: 'open' } {
  return { kind: 'open', id: keys.id, topic: keys.topic, gate: keys.gate.publicKey, expiresAt, greeting: randomBytes(56) }
}

export function leave(keys: MailboxKeys, who = randomBytes(32), request = randomBytes(500)): MailboxMessage & { kind: 'leave' } {
  const requestId = requestIdFor(keys, who)
  return { kind: 'leave', id: keys.id, requestId, signature: signLeave(keys, requestId, request), request }
}
