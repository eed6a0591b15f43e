/**
 * The keeper's mailboxes (keeper-mailbox-wire.ts, keeper-mailbox.ts) over real Noise streams in
 * memory: the layout round-trips and refuses malformed bytes; the keeper takes a request only
 * with the gate signature, hands it only to the group that opened the mailbox, bounds what it
 * holds, empties a closed mailbox but keeps its answers, and cuts a line that keeps being refused.
 */
import { describe, expect, it } from 'vitest'
import { randomBytes } from '../../../core/crypto/random.ts'
import { MAX_REQUESTS } from '../../../core/keeper/keeper-mailbox.ts'
import { challengeFor, decodeMailbox, encodeMailbox, mailboxKeys, noRequest, type MailboxMessage } from '../../../core/keeper/keeper-mailbox-wire.ts'
import { DAY, leave, open, result, setUp } from './mailbox-harness.ts'

describe('the mailbox layout', () => {
  it('round-trips every kind and refuses malformed or oversized messages', () => {
    const k = mailboxKeys(randomBytes(32))
    const msgs: MailboxMessage[] = [
      open(k, 123), { kind: 'close', id: k.id }, { kind: 'ask', id: k.id }, leave(k),
      { kind: 'request', id: k.id, requestId: randomBytes(16), request: randomBytes(40) },
      { kind: 'reply', id: k.id, requestId: randomBytes(16), answer: randomBytes(70) },
      { kind: 'result', id: k.id, requestId: noRequest(), result: 'MAILBOX_NOT_PROVED', body: new Uint8Array(0) },
    ]
    for (const m of msgs) expect(decodeMailbox(encodeMailbox(m))).toEqual(m)
    const l = encodeMailbox(leave(k, randomBytes(32), randomBytes(4_609)))
    expect(decodeMailbox(l)).toBeNull()
    expect(decodeMailbox(Uint8Array.of(2, 1, ...k.id))).toBeNull()
    expect(decodeMailbox(encodeMailbox({ kind: 'ask', id: k.id }).subarray(0, 20))).toBeNull()
  })

  it('derives different values per invite, and a mailbox challenge that is no random one', () => {
    const p = randomBytes(32)
    const a = mailboxKeys(p)
    expect(mailboxKeys(p).id).toEqual(a.id)
    expect(mailboxKeys(randomBytes(32)).id).not.toEqual(a.id)
    expect(new Set([a.id, a.topic, a.key, a.gate.publicKey].map((b) => Buffer.from(b).toString('hex'))).size).toBe(4)
    expect(challengeFor(randomBytes(16))).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('the keeper holding mailboxes', () => {
  it('takes a proved request, hands it to the opening group only, and pushes the answer to the waiting newcomer', async () => {
    const { keeper, announced, connect, now } = setUp()
    const k = mailboxKeys(randomBytes(32))
    const member = connect('g1')
    member.send(open(k, now.t + DAY))
    await member.next(result('OPENED'))
    expect(announced).toHaveLength(1)
    expect(keeper.count('g1')).toBe(1)

    const other = connect('g2')
    const newcomer = connect(null)
    newcomer.send({ kind: 'ask', id: k.id })
    expect(newcomer.used.yes).toBe(false)
    await newcomer.next(result('GREETING'))
    // Answered: the keeper's access timeout now spares this line (keeper-node.ts).
    expect(newcomer.used.yes).toBe(true)
    // A request signed with another gate key (a stranger without the invite) is refused.
    const forged = leave(mailboxKeys(randomBytes(32)))
    newcomer.send({ ...forged, id: k.id })
    await newcomer.next(result('MAILBOX_NOT_PROVED'))

    const ask = leave(k)
    newcomer.send(ask)
    await newcomer.next(result('WAITING', ask.requestId))
    const req = await member.next((m) => m.kind === 'request')
    expect(req.kind === 'request' && [Buffer.from(req.requestId), Buffer.from(req.request)]).toEqual([Buffer.from(ask.requestId), Buffer.from(ask.request)])
    expect(other.got.filter((m) => m.kind === 'request')).toEqual([])

    // Another group cannot answer or close it.
    other.send({ kind: 'reply', id: k.id, requestId: ask.requestId, answer: randomBytes(30) })
    await other.next(result('MAILBOX_UNKNOWN'))
    const answer = randomBytes(90)
    member.send({ kind: 'reply', id: k.id, requestId: ask.requestId, answer })
    const pushed = await newcomer.next(result('ANSWERED', ask.requestId))
    expect(pushed.kind === 'result' && Buffer.from(pushed.body)).toEqual(Buffer.from(answer))
  })

  it('moves a group’s mailboxes, and the requests in them, to its successor’s access key', async () => {
    const { keeper, connect, now } = setUp()
    const k = mailboxKeys(randomBytes(32))
    const before = connect('old')
    before.send(open(k, now.t + DAY))
    await before.next(result('OPENED'))
    const newcomer = connect(null)
    const ask = leave(k)
    newcomer.send(ask)
    await newcomer.next(result('WAITING', ask.requestId))
    keeper.move('old', 'new')
    expect([keeper.count('old'), keeper.count('new')]).toEqual([0, 1])
    // A member proving the new key owns the mailbox: it may answer the request left before.
    const after = connect('new')
    after.send(open(k, now.t + DAY))
    await after.next(result('OPENED'))
    const answer = randomBytes(90)
    after.send({ kind: 'reply', id: k.id, requestId: ask.requestId, answer })
    await newcomer.next(result('ANSWERED', ask.requestId))
  })

  it('bounds a mailbox, empties it when closed but keeps answers, and refuses an OPEN without access', async () => {
    const { keeper, connect, now, announced } = setUp()
    const k = mailboxKeys(randomBytes(32))
    const member = connect('g1')
    member.send(open(k, now.t + 90 * DAY))
    await member.next(result('OPENED'))
    const newcomer = connect(null)
    const held: ReturnType<typeof leave>[] = []
    for (let i = 0; i < MAX_REQUESTS; i++) {
      const l = leave(k)
      held.push(l)
      newcomer.send(l)
      await newcomer.next(result('WAITING', l.requestId))
    }
    // The same newcomer again replaces its request; a ninth newcomer is refused.
    newcomer.send(leave(k, undefined, randomBytes(10)))
    await newcomer.next(result('MAILBOX_FULL'))
    const first = held[0] as ReturnType<typeof leave>
    member.send({ kind: 'reply', id: k.id, requestId: first.requestId, answer: randomBytes(40) })
    await member.next(result('REPLY_HELD'))
    member.send({ kind: 'close', id: k.id })
    // Closed: new requests are refused, the answered one is still collected.
    const late = connect(null)
    late.send(leave(k))
    await late.next(result('MAILBOX_UNKNOWN'))
    late.send(first)
    await late.next(result('ANSWERED', first.requestId))
    expect(keeper.count()).toBe(1)
    expect(announced.filter((a) => a.startsWith('-'))).toEqual([])
    // After REQUEST_MS the answer goes too, and so does the mailbox and its topic.
    now.t += 8 * DAY
    late.send({ kind: 'ask', id: k.id })
    await late.next((m) => m.kind === 'result' && m.result === 'MAILBOX_UNKNOWN' && late.got.filter((g) => g.kind === 'result' && g.result === 'MAILBOX_UNKNOWN').length === 2)
    expect(keeper.count()).toBe(0)
    expect(announced.filter((a) => a.startsWith('-'))).toHaveLength(1)

    const stranger = connect(null)
    stranger.send(open(mailboxKeys(randomBytes(32)), now.t + DAY))
    await stranger.next(result('MAILBOX_NO_ACCESS'))
    expect(keeper.count()).toBe(0)
  })

  it('cuts a line that is refused more than four times', async () => {
    const { connect } = setUp()
    const stranger = connect(null)
    for (let i = 0; i < 6; i++) stranger.send({ kind: 'ask', id: randomBytes(32) })
    await stranger.closed
    // Only refused: never spared the access timeout.
    expect(stranger.used.yes).toBe(false)
    expect(stranger.got.filter((m) => m.kind === 'result' && m.result === 'MAILBOX_UNKNOWN').length).toBeGreaterThanOrEqual(4)
  })
})
