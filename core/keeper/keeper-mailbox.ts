/**
 * The keeper's side of the mailboxes (keeper-mailbox-wire.ts): a newcomer leaves a sealed join
 * request while no member is online; the next member collects it and leaves the sealed answer.
 *
 * What the keeper enforces, since it can read none of it:
 *   - a mailbox exists only if a member with access to the group opened it (MAX_BOXES per group),
 *     announced on its topic until its invite's expiry (at most MAX_BOX_MS ahead) or its CLOSE;
 *   - a request must carry the gate signature (made from the invite's public key, which a stranger
 *     without the code or the group cannot know); one per request id, MAX_REQUESTS per mailbox;
 *   - only the group that opened a mailbox sees its requests and answers them;
 *   - a closed mailbox (invite used up or withdrawn) drops every unanswered request and takes no
 *     new one; answers stay until collected or REQUEST_MS, so the admitted newcomer still gets in;
 *   - every refusal is a coded RESULT; a line refused more than MAX_REFUSALS times is cut;
 *   - what a group's mailboxes hold counts against its --quota (the exact size of their files):
 *     an OPEN, LEAVE or REPLY that would reach it is refused with MAILBOX_OVER_QUOTA, and what
 *     is held stays.
 * Kept on disk, sealed (keeper-mailbox-file.ts): WAITING and REPLY_HELD are said only once the
 * mailbox's file holds the request or answer, so a keeper stopped at any moment has lost nothing
 * it acknowledged; a write that fails is undone in memory and refused with MAILBOX_NOT_KEPT.
 */
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { decodeMailbox, encodeMailbox, leaveProved, MAILBOX_PROTOCOL, noRequest, RESULT, type MailboxMessage, type ResultName } from './keeper-mailbox-wire.ts'
import { entrySize, sizeOf, type BoxEntry, type MailboxFiles, type StoredBox as Box } from './keeper-mailbox-file.ts'

export const MAX_BOXES = 64
export const MAX_REQUESTS = 8
export const REQUEST_MS = 7 * 24 * 3_600_000
export const MAX_BOX_MS = 30 * 24 * 3_600_000
const MAX_REFUSALS = 4

/** The group's quota as the mailboxes see it (QuotaBook): room for more bytes, and what they hold now. */
export interface MailboxQuota { fits(group: string, more: number): boolean; setBoxes(group: string, bytes: number): void }
interface Line { group(): string | null; send(m: MailboxMessage): void; waits: Set<string>; refusals: number; stream: NoiseStream }

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export class KeeperMailboxes {
  private readonly boxes = new Map<string, Box>()
  private readonly lines = new Set<Line>()

  constructor(private readonly opts: { now(): number; announce(topic: Uint8Array, on: boolean): void; files?: MailboxFiles; quota?: MailboxQuota }) {}

  /** Takes back what the last run left on disk (expired ones go); the names of files that did not open. */
  async load(): Promise<string[]> {
    if (!this.opts.files) return []
    const { boxes, unreadable } = await this.opts.files.load()
    for (const box of boxes) {
      this.boxes.set(hex(box.id), box)
      this.opts.announce(box.topic, true)
    }
    this.sweep()
    for (const group of new Set(boxes.map((b) => b.group))) this.recount(group)
    return unreadable
  }

  /** Every mailbox write asked for so far has landed (the keeper closes after this). */
  flush(): Promise<void> {
    return this.opts.files?.flush() ?? Promise.resolve()
  }

  /** Mailboxes held now (tests, status). */
  count(group?: string): number {
    return [...this.boxes.values()].filter((b) => group === undefined || b.group === group).length
  }

  /**
   * The group moved to its successor's access key (a removal's rotation, keeper-node.ts): its
   * mailboxes and the requests waiting in them go with it, or a join asked before the rotation
   * would wait, unanswerable, until the invite expired.
   */
  move(old: string, next: string): void {
    for (const b of this.boxes.values()) if (b.group === old) {
      b.group = next
      void this.persist(b).catch(() => undefined)
    }
    this.recount(old)
    this.recount(next)
  }

  /**
   * Opens the mailbox channel on a connection; `group` is what its access proof named, if any.
   * `onUse` is called once the line is answered with anything but a refusal (a newcomer waiting
   * for its answer), so the keeper's access timeout spares it; a stranger is not spared.
   */
  attach(stream: NoiseStream, group: () => string | null, onUse: () => void): void {
    let channel: ProtomuxChannel | null = null
    const line: Line = {
      group, stream, waits: new Set(), refusals: 0,
      send: (m) => {
        if (m.kind !== 'result' || RESULT[m.result] < RESULT.MAILBOX_UNKNOWN) onUse()
        try {
          channel?.messages[0]?.send(encodeMailbox(m))
        } catch {
          stream.destroy()
        }
      },
    }
    try {
      channel = Protomux.from(stream).createChannel({
        protocol: MAILBOX_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage: (b) => this.onMessage(line, b) }],
      })
      channel?.open()
    } catch {
      channel = null
    }
    if (!channel) return
    this.lines.add(line)
    stream.once('close', () => this.lines.delete(line))
  }

  private onMessage(line: Line, bytes: Uint8Array): void {
    this.sweep()
    const m = decodeMailbox(bytes)
    if (!m) return this.refuse(line, { id: bytes.slice(2, 34), requestId: noRequest() }, 'MAILBOX_MALFORMED')
    const box = this.boxes.get(hex(m.id))
    const group = line.group()
    const owned = box !== undefined && group !== null && box.group === group
    switch (m.kind) {
      case 'open': return this.open(line, m)
      case 'close':
        if (!owned) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
        return this.close(m.id, box)
      case 'ask':
        if (!box) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
        return line.send({ kind: 'result', id: m.id, requestId: noRequest(), result: 'GREETING', body: box.greeting })
      case 'leave': return this.leave(line, m, box)
      case 'reply': {
        const entry = box?.entries.get(hex(m.requestId))
        if (!owned || !entry) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
        return this.reply(line, m, box, entry)
      }
      default: return this.refuse(line, m, 'MAILBOX_MALFORMED')
    }
  }

  private open(line: Line, m: Extract<MailboxMessage, { kind: 'open' }>): void {
    const group = line.group()
    if (group === null) return this.refuse(line, m, 'MAILBOX_NO_ACCESS')
    const now = this.opts.now()
    const key = hex(m.id)
    const box = this.boxes.get(key)
    if (box && box.group !== group) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
    if (m.expiresAt <= now) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
    if (!box && this.count(group) >= MAX_BOXES) return this.refuse(line, m, 'MAILBOX_FULL')
    const expiresAt = Math.min(m.expiresAt, now + MAX_BOX_MS)
    const fresh: Box = { id: m.id, group, topic: m.topic, gate: m.gate, expiresAt, greeting: m.greeting, closed: false, entries: new Map() }
    if (!box && !this.fits(group, sizeOf(fresh))) return this.refuse(line, m, 'MAILBOX_OVER_QUOTA')
    const opened = box ?? fresh
    Object.assign(opened, { expiresAt, greeting: m.greeting, closed: false })
    if (!box) {
      this.boxes.set(key, opened)
      this.opts.announce(m.topic, true)
    }
    void this.persist(opened).catch(() => undefined)
    line.send({ kind: 'result', id: m.id, requestId: noRequest(), result: 'OPENED', body: new Uint8Array(0) })
    // Every request, answered or not: one answered "pending" is decided again (approval may have come).
    for (const e of opened.entries.values()) line.send({ kind: 'request', id: m.id, requestId: e.requestId, request: e.request })
  }

  private leave(line: Line, m: Extract<MailboxMessage, { kind: 'leave' }>, box: Box | undefined): void {
    if (!box) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
    if (!leaveProved(box.gate, m.id, m.requestId, m.signature, m.request)) return this.refuse(line, m, 'MAILBOX_NOT_PROVED')
    const rid = hex(m.requestId)
    const entry = box.entries.get(rid)
    line.waits.add(hex(m.id) + rid)
    if (entry?.answer) return line.send({ kind: 'result', id: m.id, requestId: m.requestId, result: 'ANSWERED', body: entry.answer })
    if (box.closed) return this.refuse(line, m, 'MAILBOX_UNKNOWN')
    if (!entry && box.entries.size >= MAX_REQUESTS) return this.refuse(line, m, 'MAILBOX_FULL')
    const grows = entrySize(m.request, null) - (entry ? entrySize(entry.request, null) : 0)
    if (grows > 0 && !this.fits(box.group, grows)) return this.refuse(line, m, 'MAILBOX_OVER_QUOTA')
    const next = { requestId: m.requestId, request: m.request, at: this.opts.now(), answer: null }
    box.entries.set(rid, next)
    this.kept(box, line, m, () => (entry ? box.entries.set(rid, entry) : box.entries.delete(rid)), () => {
      line.send({ kind: 'result', id: m.id, requestId: m.requestId, result: 'WAITING', body: new Uint8Array(0) })
      for (const l of this.lines) if (l.group() === box.group) l.send({ kind: 'request', id: m.id, requestId: m.requestId, request: m.request })
    })
  }

  private reply(line: Line, m: Extract<MailboxMessage, { kind: 'reply' }>, box: Box, entry: BoxEntry): void {
    const was = entry.answer
    const grows = m.answer.length - (was ? was.length : -4)
    if (grows > 0 && !this.fits(box.group, grows)) return this.refuse(line, m, 'MAILBOX_OVER_QUOTA')
    entry.answer = m.answer
    this.kept(box, line, m, () => { entry.answer = was }, () => {
      line.send({ kind: 'result', id: m.id, requestId: m.requestId, result: 'REPLY_HELD', body: new Uint8Array(0) })
      const key = hex(m.id) + hex(m.requestId)
      for (const l of this.lines) if (l.waits.has(key)) l.send({ kind: 'result', id: m.id, requestId: m.requestId, result: 'ANSWERED', body: m.answer })
    })
  }

  /** Says what changed only once the mailbox's file holds it; a failed write is undone and refused. */
  private kept(box: Box, line: Line, m: { id: Uint8Array; requestId: Uint8Array }, undo: () => void, then: () => void): void {
    this.recount(box.group)
    this.persist(box).then(then, () => {
      undo()
      this.recount(box.group)
      this.refuse(line, m, 'MAILBOX_NOT_KEPT')
    })
  }

  private close(id: Uint8Array, box: Box): void {
    box.closed = true
    for (const [k, e] of box.entries) if (!e.answer) box.entries.delete(k)
    // Still found while an answer waits for its newcomer.
    if (box.entries.size > 0) void this.persist(box).catch(() => undefined)
    else this.drop(hex(id), box)
    this.recount(box.group)
  }

  /** Drops what has expired (the keeper's clock): requests after REQUEST_MS, mailboxes at their invite's expiry. */
  private sweep(): void {
    const now = this.opts.now()
    for (const [key, box] of this.boxes) {
      const before = box.entries.size
      for (const [k, e] of box.entries) if (now - e.at > REQUEST_MS) box.entries.delete(k)
      if (now > box.expiresAt || (box.closed && box.entries.size === 0)) this.drop(key, box)
      else if (box.entries.size === before) continue
      else void this.persist(box).catch(() => undefined)
      this.recount(box.group)
    }
  }

  private drop(key: string, box: Box): void {
    this.opts.announce(box.topic, false)
    this.boxes.delete(key)
    void this.opts.files?.remove(box.id).catch(() => undefined)
  }

  private persist(box: Box): Promise<void> {
    return this.opts.files?.save(box) ?? Promise.resolve()
  }

  private fits(group: string, more: number): boolean {
    return this.opts.quota?.fits(group, more) ?? true
  }

  /** What a group's mailboxes hold, told to the quota. */
  private recount(group: string): void {
    let n = 0
    for (const b of this.boxes.values()) if (b.group === group) n += sizeOf(b)
    this.opts.quota?.setBoxes(group, n)
  }

  private refuse(line: Line, m: { id: Uint8Array; requestId?: Uint8Array }, result: ResultName): void {
    line.send({ kind: 'result', id: m.id.length === 32 ? m.id : new Uint8Array(32), requestId: m.requestId ?? noRequest(), result, body: new Uint8Array(0) })
    if (++line.refusals !== MAX_REFUSALS + 1) return
    // Ended, not destroyed, so the refusals reach it first; destroyed soon after if it lingers.
    line.stream.end()
    setTimeout(() => line.stream.destroy(), 2_000).unref()
  }
}
