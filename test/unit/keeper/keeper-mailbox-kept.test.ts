/**
 * The keeper's mailboxes kept on disk and charged to the group's quota (keeper-mailbox-file.ts,
 * keeper-mailbox.ts, keeper-quota.ts), on real files in a temp folder: a request and an answer
 * outlive the keeper (a new one loads the folder); the folder holds nothing of what was left in the
 * clear; the mailboxes cost the quota exactly their files' size, and past it a coded refusal loses
 * nothing already held; a write that fails is refused, never acknowledged.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { randomBytes } from '../../../core/crypto/random.ts'
import { decodeBox, encodeBox, MailboxFiles, sizeOf, type StoredBox } from '../../../core/keeper/keeper-mailbox-file.ts'
import { mailboxKeys } from '../../../core/keeper/keeper-mailbox-wire.ts'
import { QuotaBook } from '../../../core/keeper/keeper-quota.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { DAY, leave, open, result, setUp } from './mailbox-harness.ts'

const tempDir = useTempDirs()
const G = 'a1'.repeat(32)
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

async function folderBytes(dir: string): Promise<number> {
  let n = 0
  for (const name of await fs.readdir(dir)) n += (await fs.stat(path.join(dir, name))).size
  return n
}

describe('a mailbox file', () => {
  it('round-trips, is exactly sizeOf long, and opens with no other key', () => {
    const key = randomBytes(32)
    const box: StoredBox = {
      id: randomBytes(32), group: G, topic: randomBytes(32), gate: randomBytes(32), expiresAt: 2 ** 41 + 7, greeting: randomBytes(56), closed: true,
      entries: new Map([['x', { requestId: randomBytes(16), request: randomBytes(900), at: 2 ** 40 + 3, answer: randomBytes(70) }], ['y', { requestId: randomBytes(16), request: randomBytes(5), at: 9, answer: null }]]),
    }
    const bytes = encodeBox(box, key)
    expect(bytes.length).toBe(sizeOf(box))
    const back = decodeBox(bytes, key)
    expect([...back.entries.values()]).toEqual([...box.entries.values()])
    expect({ ...back, entries: null }).toEqual({ ...box, entries: null })
    expect(() => decodeBox(bytes, randomBytes(32))).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))
    expect(() => decodeBox(bytes.subarray(0, 40), key)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))
  })
})

describe('mailboxes across a keeper restart', () => {
  it('a waiting request and an answer outlive the keeper, and the folder holds none of them in the clear', async () => {
    const dir = path.join(tempDir(), 'mailboxes')
    const key = randomBytes(32)
    const now = { t: 1_000_000 }
    const canary = makeCanary('mailbox-at-rest')
    const k = mailboxKeys(randomBytes(32))
    const first = setUp({ files: new MailboxFiles(dir, key), now })
    await first.keeper.load()
    const member = first.connect(G)
    member.send({ ...open(k, now.t + DAY), greeting: enc(canary.padEnd(56, '.').slice(0, 56)) })
    await member.next(result('OPENED'))
    const newcomer = first.connect(null)
    const answered = leave(k, randomBytes(32), enc(`answered ${canary}`))
    const waiting = leave(k, randomBytes(32), enc(`waiting ${canary}`))
    for (const l of [answered, waiting]) {
      newcomer.send(l)
      await newcomer.next(result('WAITING', l.requestId))
    }
    member.send({ kind: 'reply', id: k.id, requestId: answered.requestId, answer: enc(`welcome ${canary}`) })
    await member.next(result('REPLY_HELD'))
    // What WAITING and REPLY_HELD acknowledged is on disk by then: nothing flushed by hand.
    expect(scanForCanaries([dir], [canary])).toEqual([])

    // A new keeper on the same folder (the old one is simply gone, as after SIGKILL).
    const second = setUp({ files: new MailboxFiles(dir, key), now })
    expect(await second.keeper.load()).toEqual([])
    expect(second.keeper.count(G)).toBe(1)
    expect(second.announced).toHaveLength(1)
    const back = second.connect(null)
    back.send(answered)
    const got = await back.next(result('ANSWERED', answered.requestId))
    expect(got.kind === 'result' && new TextDecoder().decode(got.body)).toBe(`welcome ${canary}`)
    const again = second.connect(G)
    again.send(open(k, now.t + DAY))
    const req = await again.next((m) => m.kind === 'request' && Buffer.from(m.requestId).equals(Buffer.from(waiting.requestId)))
    expect(req.kind === 'request' && new TextDecoder().decode(req.request)).toBe(`waiting ${canary}`)

    // Another keeper's key opens nothing: the file is named, and left where it is.
    const stranger = setUp({ files: new MailboxFiles(dir, randomBytes(32)), now })
    expect(await stranger.keeper.load()).toHaveLength(1)
    expect(stranger.keeper.count()).toBe(0)
    expect(await fs.readdir(dir)).toHaveLength(1)

    // Expired while the keeper was down: dropped at load, file and all.
    now.t += 31 * DAY
    const late = setUp({ files: new MailboxFiles(dir, key), now })
    await late.keeper.load()
    expect(late.keeper.count()).toBe(0)
    await late.keeper.flush()
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('a request whose write fails is refused with MAILBOX_NOT_KEPT and not held', async () => {
    const root = tempDir()
    const dir = path.join(root, 'mailboxes')
    const files = new MailboxFiles(dir, randomBytes(32))
    const { keeper, connect, now } = setUp({ files })
    await keeper.load()
    const member = connect(G)
    const k = mailboxKeys(randomBytes(32))
    member.send(open(k, now.t + DAY))
    await member.next(result('OPENED'))
    await keeper.flush()
    // The folder is gone and a file stands in its place: every write now fails.
    await fs.rm(dir, { recursive: true })
    await fs.writeFile(dir, 'not a folder')
    const newcomer = connect(null)
    const l = leave(k)
    newcomer.send(l)
    await newcomer.next(result('MAILBOX_NOT_KEPT', l.requestId))
    expect(newcomer.got.some((m) => m.kind === 'result' && m.result === 'WAITING')).toBe(false)
    const again = connect(G)
    again.send(open(k, now.t + DAY))
    await again.next(result('OPENED'))
    expect(again.got.filter((m) => m.kind === 'request')).toEqual([])
  })
})

describe('mailboxes against the group’s quota', () => {
  it('cost exactly their files’ size; past the quota a coded refusal, and what is held stays', async () => {
    const dir = path.join(tempDir(), 'mailboxes')
    const book = new QuotaBook(30_000)
    book.charge(G, 10_000) // the group's logs
    const { keeper, connect, now } = setUp({ files: new MailboxFiles(dir, randomBytes(32)), quota: book })
    await keeper.load()
    const member = connect(G)
    const k = mailboxKeys(randomBytes(32))
    member.send(open(k, now.t + DAY))
    await member.next(result('OPENED'))
    // A code holder floods the mailbox with the largest requests it may leave.
    const flood = connect(null)
    const held: ReturnType<typeof leave>[] = []
    for (let i = 0; i < 8; i++) {
      const l = leave(k, randomBytes(32), randomBytes(4_500))
      flood.send(l)
      const r = await flood.next((m) => m.kind === 'result' && Buffer.from(m.requestId).equals(Buffer.from(l.requestId)))
      if (r.kind === 'result' && r.result === 'WAITING') held.push(l)
      else expect(r.kind === 'result' && r.result).toBe('MAILBOX_OVER_QUOTA')
    }
    expect(held.length).toBe(4)
    await keeper.flush()
    expect(book.held(G)).toBe(10_000 + (await folderBytes(dir)))
    expect(book.held(G)).toBeLessThan(30_000)
    expect(book.full(G)).toBe(false)
    // An answer too large for what is left is refused; the request it answers is still there.
    const big = held[0] as ReturnType<typeof leave>
    member.send({ kind: 'reply', id: k.id, requestId: big.requestId, answer: randomBytes(20_000) })
    await member.next(result('MAILBOX_OVER_QUOTA'))
    const again = connect(G)
    again.send(open(k, now.t + DAY))
    await again.next(result('OPENED'))
    await again.next(() => again.got.filter((m) => m.kind === 'request').length === 4)
    // A small answer fits, and a newcomer's request answered frees nothing until it expires.
    member.send({ kind: 'reply', id: k.id, requestId: big.requestId, answer: randomBytes(500) })
    await member.next(result('REPLY_HELD'))
    await keeper.flush()
    expect(book.held(G)).toBe(10_000 + (await folderBytes(dir)))
    // Closing the mailbox drops the unanswered requests and gives their bytes back.
    member.send({ kind: 'close', id: k.id })
    // Messages are handled in order: the greeting answered means the CLOSE was handled.
    member.send({ kind: 'ask', id: k.id })
    await member.next(result('GREETING'))
    await keeper.flush()
    expect(book.held(G)).toBe(10_000 + (await folderBytes(dir)))
    expect(keeper.count(G)).toBe(1)
  })
})
