/**
 * Tree exchange, protocol v1 (issue 14, one history): two members compare, per device log both
 * hold, the writer's signed tree at one length. Hypercore compares trees only when one side grows
 * past the other, so two peers holding different versions of one log at the same length (its
 * writer ran one key on two machines) would each keep showing their own until the writer appends
 * again. This finds that at once; what it means is core/group/tree-compare.ts's business.
 *
 * A Protomux channel "hearth/trees/v1", id null, opened only after member-auth.ts accepted the
 * remote. Four message types, all raw; u32 little-endian, a node as log-proofs.ts writes it
 * (u32 count, then index u64, size u64, hash 32 bytes, u64 as two u32 low first):
 *   0 digest  n u8 (1..DIGEST_MAX), n × { log key 32, fork u32, length u32, tree hash 32 }
 *   1 want    log key 32, length u32, nodes: the asker's roots at `length` (at most MAX_ROOTS),
 *             unsigned, only to tell the answer which block to carry
 *   2 state   log key 32, length u32, the answerer's signed state at `length`
 *             (core/store/tree-proof.ts encoding, at most STATE_MAX bytes)
 *   3 refuse  code, ASCII UPPER_SNAKE, 1..32 bytes; its sender closes the channel after it
 * Each side sends a digest of every log on open and again (coalesced) when a log changes. A
 * digest that differs from ours at the same fork and length is answered by a want; a want by a
 * state; a state is taken only when asked for.
 *
 * Bounds, per connection: messages through a token bucket (BURST, then RATE a second), answers
 * to at most WANTS_PER_LOG wants per log, one outstanding want per log, message sizes as above.
 * Garbage, an unasked state or a flood gets a refusal with its code and the channel closes; the
 * connection and its replication go on untouched, and nothing stored changes.
 */
import { errors, isHearthError, type HearthError } from '../errors.ts'
import { ByteReader, ByteWriter } from '../store/bytes.ts'
import { readNodes, writeNodes } from '../store/log-proofs.ts'
import type { ProofNode } from '../store/holepunch.ts'
import { listenForExchange, openExchange, refusalCode, sendRefusal, TokenBucket } from './exchange-channel.ts'
import type { NoiseStream, ProtomuxChannel } from './holepunch-net.ts'

export const TREES_PROTOCOL = 'hearth/trees/v1'
const DIGEST_MAX = 32
const ENTRY_BYTES = 72
const MAX_ROOTS = 64
export const STATE_MAX = 96 * 1024
const BURST = 64
const RATE = 16
const WANTS_PER_LOG = 4
/** Changes within this long go out as one digest. */
const COALESCE_MS = 200

/** Why a side stopped listening; sent in a refusal, then the channel closes. */
export type TreesRefusal = 'TREES_MALFORMED' | 'TREES_UNASKED' | 'TREES_FLOOD'

export interface TreeDigest {
  fork: number
  length: number
  hash: Uint8Array
}

/** What the exchange asks of the group (tree-compare.ts); every answer may be null: "not here". */
export interface TreeSide {
  logs(): Iterable<string>
  digest(log: string): Promise<TreeDigest | null>
  roots(log: string, length: number): Promise<ProofNode[] | null>
  answer(log: string, length: number, theirRoots: ProofNode[]): Promise<Uint8Array | null>
  /** A state the remote sent for a log whose tree differs; false when it is not a valid one. */
  differs(log: string, length: number, state: Uint8Array): Promise<boolean>
  /** A refusal this side sent (`sent`) or received. */
  refused?(code: string, sent: boolean): void
}

const bad = (): HearthError => errors.BLOCK_MALFORMED('a tree exchange message is malformed')
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y))

export class TreeExchange {
  private readonly theirs = new Map<string, TreeDigest>()
  private readonly asked = new Map<string, number>()
  private readonly wants = new Map<string, number>()
  private readonly pending = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private readonly bucket = new TokenBucket(BURST, RATE)
  private work: Promise<void> = Promise.resolve()
  private done = false

  constructor(private readonly channel: ProtomuxChannel, private readonly side: TreeSide) {}

  /** A log changed here (grew, or was added): its digest goes out shortly. */
  changed(log: string): void {
    if (this.done) return
    this.pending.add(log)
    this.timer ??= setTimeout(() => {
      this.timer = null
      const logs = [...this.pending]
      this.pending.clear()
      this.run(() => this.sendDigests(logs))
    }, COALESCE_MS)
    this.timer.unref?.()
  }

  sendAll(): void {
    this.run(() => this.sendDigests([...this.side.logs()]))
  }

  receive(type: number, m: Uint8Array): void {
    if (this.done) return
    if (!this.bucket.take()) return this.refuse('TREES_FLOOD')
    this.run(async () => {
      try {
        if (type === 0) await this.onDigest(m)
        else if (type === 1) await this.onWant(m)
        else if (type === 2) await this.onState(m)
        else this.onRefuse(m)
      } catch (e) {
        if (isHearthError(e) && e.code === 'BLOCK_MALFORMED') this.refuse('TREES_MALFORMED')
      }
    })
  }

  close(): void {
    this.done = true
    if (this.timer) clearTimeout(this.timer)
  }

  private run(fn: () => Promise<void>): void {
    this.work = this.work.then(() => (this.done ? undefined : fn())).catch(() => undefined)
  }

  private async sendDigests(logs: string[]): Promise<void> {
    const entries: [string, TreeDigest][] = []
    for (const log of logs) {
      const d = await this.side.digest(log)
      if (d) entries.push([log, d])
      // Our side changed: a remote digest we already hold may now be at our length.
      await this.compare(log)
    }
    for (let i = 0; i < entries.length && !this.done; i += DIGEST_MAX) {
      const part = entries.slice(i, i + DIGEST_MAX)
      const w = new ByteWriter().u8(part.length)
      for (const [log, d] of part) w.hex32(log).u32(d.fork).u32(d.length).raw(d.hash)
      this.channel.messages[0]?.send(w.done())
    }
  }

  private async onDigest(m: Uint8Array): Promise<void> {
    const n = m[0] ?? 0
    if (n < 1 || n > DIGEST_MAX || m.length !== 1 + n * ENTRY_BYTES) throw bad()
    const r = new ByteReader(m, bad)
    r.u8()
    const logs: string[] = []
    for (let i = 0; i < n; i++) {
      const log = r.hex32()
      const d = { fork: r.u32(), length: r.u32(), hash: r.raw(32).slice() }
      // Only logs this side holds are kept, so the map is bounded by our own logs.
      if (!(await this.side.digest(log))) continue
      this.theirs.set(log, d)
      logs.push(log)
    }
    for (const log of logs) await this.compare(log)
  }

  /** Asks for the remote's signed state when its tree differs from ours at one fork and length. */
  private async compare(log: string): Promise<void> {
    const t = this.theirs.get(log)
    if (!t || this.asked.has(log) || this.done) return
    const ours = await this.side.digest(log)
    if (!ours || ours.fork !== t.fork || ours.length !== t.length || same(ours.hash, t.hash)) return
    const roots = await this.side.roots(log, t.length)
    if (!roots || this.done) return
    this.asked.set(log, t.length)
    const w = new ByteWriter().hex32(log).u32(t.length)
    writeNodes(w, roots)
    this.channel.messages[1]?.send(w.done())
  }

  private async onWant(m: Uint8Array): Promise<void> {
    const r = new ByteReader(m, bad)
    const log = r.hex32()
    const length = r.u32()
    const roots = readNodes(r, MAX_ROOTS, bad)
    r.end()
    const count = (this.wants.get(log) ?? 0) + 1
    // Counted only for logs held here, so the count map is bounded by our own logs.
    if (count > WANTS_PER_LOG || !(await this.side.digest(log))) return
    this.wants.set(log, count)
    const state = await this.side.answer(log, length, roots)
    if (!state || state.length > STATE_MAX || this.done) return
    this.channel.messages[2]?.send(new ByteWriter().hex32(log).u32(length).raw(state).done())
  }

  private async onState(m: Uint8Array): Promise<void> {
    if (m.length < 36 || m.length > 36 + STATE_MAX) throw bad()
    const log = hex(m.subarray(0, 32))
    const length = new DataView(m.buffer, m.byteOffset + 32, 4).getUint32(0, true)
    // Asked for exactly this one; the want stays spent, so a log is compared once per connection.
    if (this.asked.get(log) !== length) return this.refuse('TREES_UNASKED')
    this.asked.set(log, -1)
    if (!(await this.side.differs(log, length, m.slice(36)))) this.refuse('TREES_MALFORMED')
  }

  private onRefuse(m: Uint8Array): void {
    this.side.refused?.(refusalCode(m, 'TREES_MALFORMED'), false)
    this.close()
    this.channel.close()
  }

  private refuse(code: TreesRefusal): void {
    if (this.done) return
    this.side.refused?.(code, true)
    sendRefusal(this.channel, code)
    this.close()
    this.channel.close()
  }
}

const exchanges = new WeakMap<NoiseStream, TreeExchange>()

/** Opens the exchange once per authenticated connection; it sends our digests when open. */
export function openTrees(stream: NoiseStream, side: TreeSide): TreeExchange | null {
  return openExchange(stream, { protocol: TREES_PROTOCOL, open: exchanges, make: (channel) => new TreeExchange(channel, side), onopen: (ex) => ex.sendAll() })
}

/** Lets the remote open first: it waits for `authed`, and is answered only if that says yes. */
export function listenForTrees(stream: NoiseStream, authed: Promise<boolean>, side: TreeSide): void {
  listenForExchange(stream, TREES_PROTOCOL, authed.then((ok) => (ok ? true : null)), () => openTrees(stream, side))
}

/** The exchange on a connection, if one is open. */
export function treesOn(stream: NoiseStream): TreeExchange | null {
  return exchanges.get(stream) ?? null
}
