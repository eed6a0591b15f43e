/**
 * Below-freeze exchange, protocol v1 (one history): the blocks of a frozen device log below its
 * freeze, from member to member, outside Hypercore. A copy Hypercore froze at a conflict neither
 * asks for blocks nor serves them (hypercore 11.37 lib/replicator.js `isActive`), so a newcomer
 * whose copy froze before it held the blocks below the freeze would never get them, and every
 * newcomer after it, served only by frozen copies, neither (docs/decisions.md, session 15,
 * rescue). Here each block travels with its Merkle path and is checked on its own against the
 * roots both signed states of the governance evidence carry alike (core/group/freeze-roots.ts):
 * the sender is not trusted, and no signature beyond the evidence's is needed.
 *
 * A Protomux channel "hearth/below-freeze/v1", id null, opened only after member-auth.ts accepted
 * the remote. Four message types, all raw; u32 little-endian, a node as log-proofs.ts writes it:
 *   0 ask     log key 32, start u32, count u8 (1..RANGE_MAX): blocks start..start+count-1
 *   1 blocks  log key 32, start u32, n u8 (1..count asked), then n × { valueLen u32, value,
 *             path (u32 count ≤ PATH_MAX, nodes) } for blocks start..start+n-1, in order;
 *             at most ANSWER_MAX bytes of values (a first block alone may pass it)
 *   2 none    log key 32, start u32: block `start` is not held here; ask someone else
 *   3 refuse  code, ASCII UPPER_SNAKE, 1..32 bytes; its sender closes the channel after it
 * The asker asks, per log, from the first index it lacks below the freeze (its side's `wanted`),
 * one ask per log outstanding and at most OUTSTANDING logs at once; an answer moves it on. One
 * connection at a time asks for a range (the side's `claim`); an ask unanswered after
 * ASK_WAIT_MS lets the range go to other connections (a silent member cannot stall it) and stays
 * open here, so a slow honest answer is still taken. A partial answer (fewer blocks than asked, far
 * from the size cut) counts as "none" for the rest: the next ask for that log goes to the others.
 * A log is never asked of the member who wrote it (the side's `writtenBy`, the remote's member
 * from member-auth): the evidence proves only that she signed both its versions, and she can sign
 * a third pair whose shared blocks no honest copy holds; what honest members hold is the rescue.
 *
 * Bounds, per connection: messages through a token bucket (BURST, then RATE a second), message
 * sizes as above, answers only to asks outstanding. The answerer keeps its own bounds, since only
 * an honest asker keeps to one ask per log: at most OUTSTANDING asks in service (more is a
 * flood), not the range of a log it answered last with blocks asked again at once (the honest
 * asker moves on; asks that alternate ranges are served at the pace the asker reads), reading no more than ANSWER_MAX of values for an answer (the side's `serve` stops there),
 * and no next ask served before the stream drained what the last answer wrote. Garbage, an unasked or oversized answer, a
 * block that does not check (a path that misses the evidence's roots, a third version, a block at
 * or past the freeze) or a flood gets a refusal with its code and the channel closes; nothing of
 * that message is kept, and the connection and its replication go on untouched.
 */
import { errors, isHearthError, type HearthError } from '../errors.ts'
import { ByteReader, ByteWriter } from '../store/bytes.ts'
import { readNodes, writeNodes } from '../store/log-proofs.ts'
import type { ProofNode } from '../store/holepunch.ts'
import type { RescuedBlock } from '../store/rescue-store.ts'
import { listenForExchange, openExchange, refusalCode, sendRefusal, TokenBucket } from './exchange-channel.ts'
import type { NoiseStream, ProtomuxChannel } from './holepunch-net.ts'

export const BELOW_FREEZE_PROTOCOL = 'hearth/below-freeze/v1'
export const RANGE_MAX = 64
export const ANSWER_MAX = 2 * 1024 * 1024
const VALUE_MAX = 1024 * 1024
const PATH_MAX = 64
/** The largest answer message: values up to ANSWER_MAX plus one block past it, and the paths. */
const MESSAGE_MAX = 37 + ANSWER_MAX + VALUE_MAX + RANGE_MAX * (8 + 4 + PATH_MAX * 48)
const OUTSTANDING = 4
export const ASK_WAIT_MS = 30_000
const BURST = 64
const RATE = 16

export type BelowFreezeRefusal = 'BELOW_MALFORMED' | 'BELOW_UNASKED' | 'BELOW_FORGED' | 'BELOW_FLOOD'

/** What the exchange asks of the group (group-online.ts); a log is its key, hex. */
export interface BelowFreezeSide {
  /** Per frozen log, from the first index this side lacks below the freeze up to the freeze. */
  wanted(): Iterable<{ log: string; from: number; end: number }>
  /**
   * Up to `count` blocks from `start` held here below the log's freeze, in order, with their paths;
   * [] when block `start` is not. No block past the one whose values reach `maxBytes` is read.
   */
  serve(log: string, start: number, count: number, maxBytes: number): Promise<RescuedBlock[]>
  /** Whether block `index` is below the log's freeze and climbs through `path` to the evidence's shared roots. */
  check(log: string, index: number, value: Uint8Array, path: readonly ProofNode[]): boolean
  /** Checked blocks to keep (rescue-store.ts). */
  take(log: string, blocks: RescuedBlock[]): Promise<void>
  /** A refusal this side sent (`sent`) or received. */
  refused?(code: string, sent: boolean): void
  /** One connection at a time asks for a log's blocks from `from`: false when another does. */
  claim?(log: string, from: number, by: object): boolean
  /** The ask from `from` is over (answered, not held there, or its connection closed). */
  release?(log: string, from: number, by: object): void
  /** The member whose device wrote `log`, as governance knows it: never asked for its blocks (nor anyone, when it or the remote is unknown). */
  writtenBy?(log: string): string | undefined
}

/** Who the remote is (member-auth's member id), and how long an ask holds its range (tests shorten it). */
export interface BelowFreezeOptions {
  remote?: string | null
  askWaitMs?: number
}

const bad = (): HearthError => errors.BLOCK_MALFORMED('a below-freeze message is malformed')
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export class BelowFreezeExchange {
  /** log → the ask outstanding on it, and the timer that lets its range go to others. */
  private readonly asked = new Map<string, { start: number; count: number; timer: NodeJS.Timeout }>()
  /** Logs whose next block this remote said it does not hold, at that index. */
  private readonly lacking = new Map<string, number>()
  /** Asks received and not answered yet (in service or queued). */
  private asks = 0
  /** Messages received and not handled yet (in service or queued). */
  private queued = 0
  /** log → the start last answered here with blocks: the same range again is a flood. */
  private readonly served = new Map<string, number>()
  /** Resolves the wait for the stream to drain. */
  private drain: (() => void) | null = null
  private readonly bucket = new TokenBucket(BURST, RATE)
  private work: Promise<void> = Promise.resolve()
  private done = false

  private readonly askWaitMs: number
  private readonly remote: string | null

  constructor(private readonly channel: ProtomuxChannel, private readonly side: BelowFreezeSide, opts: BelowFreezeOptions = {}) {
    this.askWaitMs = opts.askWaitMs ?? ASK_WAIT_MS
    this.remote = opts.remote ?? null
  }

  /**
   * What this side lacks may have changed (a freeze, blocks taken): ask on. `fresh`: ask again for
   * blocks this remote said it lacks (it may hold them by now); not when only another ask ended.
   */
  changed(fresh = true): void {
    if (this.done) return
    if (fresh) this.lacking.clear()
    this.run(async () => this.pump())
  }

  receive(type: number, m: Uint8Array): void {
    if (this.done) return
    if (!this.bucket.take()) return this.refuse('BELOW_FLOOD')
    // An honest asker has at most OUTSTANDING asks out on a connection; more would only queue here.
    if (type === 0 && ++this.asks > OUTSTANDING) return this.refuse('BELOW_FLOOD')
    // An answer to no ask is refused on arrival, not queued: while an answer here waits for the
    // stream to drain, queued messages would keep their buffers for as long as the remote likes.
    if ((type === 1 && (m.length < 37 || m.length > MESSAGE_MAX)) || (type === 2 && m.length !== 36)) return this.refuse('BELOW_MALFORMED')
    if ((type === 1 || type === 2) && !this.asked.has(hex(m.subarray(0, 32)))) return this.refuse('BELOW_UNASKED')
    // What an honest remote can have in flight: its asks and its answers to ours, and a refusal.
    if (++this.queued > 2 * OUTSTANDING + 1) return this.refuse('BELOW_FLOOD')
    this.run(async () => {
      try {
        if (type === 0) await this.onAsk(m)
        else if (type === 1) await this.onBlocks(m)
        else if (type === 2) this.onNone(m)
        else this.onRefuse(m)
      } catch (e) {
        if (isHearthError(e) && e.code === 'BLOCK_MALFORMED') this.refuse('BELOW_MALFORMED')
      } finally {
        this.queued--
      }
    })
  }

  /** The stream drained what was written: the next ask may be served. */
  drained(): void {
    const go = this.drain
    this.drain = null
    go?.()
  }

  close(): void {
    if (this.done) return
    this.done = true
    this.drained()
    for (const [log, ask] of this.asked) this.answered(log, ask)
    this.asked.clear()
  }

  private run(fn: () => Promise<void>): void {
    this.work = this.work.then(() => (this.done ? undefined : fn())).catch(() => undefined)
  }

  private pump(): void {
    // Before the remote opened its side an ask could be lost; `onopen` pumps.
    if (!this.channel.opened) return
    for (const w of this.side.wanted()) {
      if (this.asked.size >= OUTSTANDING || this.done) return
      if (this.asked.has(w.log) || w.from >= w.end || this.lacking.get(w.log) === w.from) continue
      if (this.side.writtenBy && (this.remote === null || [this.remote, undefined].includes(this.side.writtenBy(w.log)))) continue
      if (this.side.claim && !this.side.claim(w.log, w.from, this)) continue
      const count = Math.min(RANGE_MAX, w.end - w.from)
      const log = w.log
      const start = w.from
      const timer = setTimeout(() => this.side.release?.(log, start, this), this.askWaitMs)
      timer.unref?.()
      this.asked.set(log, { start, count, timer })
      this.channel.messages[0]?.send(new ByteWriter().hex32(w.log).u32(w.from).u8(count).done())
    }
  }

  private async onAsk(m: Uint8Array): Promise<void> {
    // Answered once its answer is written, not once drained: the asker may send its next ask
    // before this side hears the drain, and must not be counted at one ask too many.
    let counted = true
    const answered = (): void => {
      if (counted) this.asks--
      counted = false
    }
    try {
      await this.answer(m, answered)
    } finally {
      answered()
    }
  }

  private async answer(m: Uint8Array, answered: () => void): Promise<void> {
    if (m.length !== 37) throw bad()
    const r = new ByteReader(m, bad)
    const log = r.hex32()
    const start = r.u32()
    const count = r.u8()
    if (count < 1 || count > RANGE_MAX) throw bad()
    if (this.served.get(log) === start) return this.refuse('BELOW_FLOOD')
    const blocks = await this.side.serve(log, start, count, ANSWER_MAX)
    if (this.done) return
    if (!blocks.length) {
      this.channel.messages[2]?.send(new ByteWriter().hex32(log).u32(start).done())
      return
    }
    const w = new ByteWriter().hex32(log).u32(start)
    const out: RescuedBlock[] = []
    let bytes = 0
    for (const b of blocks.slice(0, count)) {
      if (out.length && bytes + b.value.length > ANSWER_MAX) break
      out.push(b)
      bytes += b.value.length
    }
    w.u8(out.length)
    for (const b of out) {
      w.bytes32(b.value)
      writeNodes(w, b.path)
    }
    this.served.set(log, start)
    const flowing = this.channel.messages[1]?.send(w.done())
    answered()
    // An asker that does not read its socket holds the next answer back, not our memory.
    if (flowing === false && !this.done) await new Promise<void>((go) => (this.drain = go))
  }

  private async onBlocks(m: Uint8Array): Promise<void> {
    if (m.length < 37 || m.length > MESSAGE_MAX) throw bad()
    const r = new ByteReader(m, bad)
    const log = r.hex32()
    const start = r.u32()
    const n = r.u8()
    const ask = this.asked.get(log)
    if (!ask || ask.start !== start || n < 1 || n > ask.count) return this.refuse('BELOW_UNASKED')
    const blocks: RescuedBlock[] = []
    for (let i = 0; i < n; i++) {
      const value = r.bytes32()
      if (value.length > VALUE_MAX) throw bad()
      blocks.push({ index: start + i, value, path: readNodes(r, PATH_MAX, bad) })
    }
    r.end()
    // Every block is checked before any is kept: one forged block and the message is dropped whole.
    if (!blocks.every((b) => this.side.check(log, b.index, b.value, b.path))) return this.refuse('BELOW_FORGED')
    this.asked.delete(log)
    // Fewer blocks than asked, well short of the size cut: this member holds no more from there, or
    // answers a block at a time on purpose, just inside the wait, to stretch the rescue; either
    // way the others are asked for the rest first (it is asked again when what is lacking changes).
    const bytes = blocks.reduce((sum, b) => sum + b.value.length, 0)
    if (n < ask.count && bytes <= ANSWER_MAX - VALUE_MAX) this.lacking.set(log, start + n)
    try {
      await this.side.take(log, blocks)
    } finally {
      this.answered(log, ask)
    }
    this.pump()
  }

  private onNone(m: Uint8Array): void {
    if (m.length !== 36) throw bad()
    const log = hex(m.subarray(0, 32))
    const start = new DataView(m.buffer, m.byteOffset + 32, 4).getUint32(0, true)
    const ask = this.asked.get(log)
    if (ask?.start !== start) return this.refuse('BELOW_UNASKED')
    this.asked.delete(log)
    this.lacking.set(log, start)
    this.answered(log, ask)
    this.pump()
  }

  /** The ask is over: its timer stops and its range is free for other connections. */
  private answered(log: string, ask: { start: number; timer: NodeJS.Timeout }): void {
    clearTimeout(ask.timer)
    this.side.release?.(log, ask.start, this)
  }

  private onRefuse(m: Uint8Array): void {
    this.side.refused?.(refusalCode(m, 'BELOW_MALFORMED'), false)
    this.close()
    this.channel.close()
  }

  private refuse(code: BelowFreezeRefusal): void {
    if (this.done) return
    this.side.refused?.(code, true)
    sendRefusal(this.channel, code)
    this.close()
    this.channel.close()
  }
}

const exchanges = new WeakMap<NoiseStream, BelowFreezeExchange>()

/** Opens the exchange once per authenticated connection; it asks for what this side lacks when open. */
export function openBelowFreeze(stream: NoiseStream, side: BelowFreezeSide, opts: BelowFreezeOptions = {}): BelowFreezeExchange | null {
  return openExchange(stream, {
    protocol: BELOW_FREEZE_PROTOCOL,
    open: exchanges,
    make: (channel) => new BelowFreezeExchange(channel, side, opts),
    onopen: (ex) => ex.changed(),
    ondrain: (ex) => ex.drained(),
  })
}

/** Lets the remote open first: it waits for `authed` (the remote's member id), and is answered only if it names one. */
export function listenForBelowFreeze(stream: NoiseStream, authed: Promise<string | null>, side: BelowFreezeSide): void {
  listenForExchange(stream, BELOW_FREEZE_PROTOCOL, authed, (remote) => openBelowFreeze(stream, side, { remote }))
}

/** The exchange on a connection, if one is open. */
export function belowFreezeOn(stream: NoiseStream): BelowFreezeExchange | null {
  return exchanges.get(stream) ?? null
}
