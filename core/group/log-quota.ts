/**
 * A byte budget per device log (issue 14): what a member may make every other member store.
 *
 * The rule. Block i of a device log speaks only while its byte offset plus its size stays at or
 * under Q (LOG_QUOTA_BYTES). The offset is a sum of block sizes, which Hypercore's signed Merkle
 * tree carries in every node, so it is a pure function of the writer's signed tree: a reader of
 * the whole log and a sparse reader that started from a shared checkpoint decide every block the
 * same way. Since the tree is append-only, the first block that does not speak (the log's "quota
 * end" E) never moves once the log has passed Q, and every block before E spoke. Blocks from E on
 * are refused like any refused block, whatever they hold (governance events and shared
 * checkpoints count too: they are bytes every member stores).
 *
 * Finding E: while the signed byte length is at most Q, every block speaks (E = Infinity). Past
 * it, E is the block that holds byte Q (Hypercore's `seek(Q)`, core/store/quota-end.ts): blocks before it end at or before
 * Q, it and every later one end after it. A sparse reader may lack the tree nodes on the way to
 * byte Q; then E is unknown (null) and nothing more of that log is read until it is known
 * (group-online.ts asks peers for those nodes), so no reader decides differently, only later.
 */
import { errors } from '../errors.ts'

/**
 * Q, chosen from a measurement (scripts/bench/log-quota.ts, docs/benchmarks.md): a heavy honest
 * member writing 20 posts a day for five years, with every shared checkpoint today's policy
 * (sharedCheckpointDue) makes, writes the figure recorded there to one device log. Q leaves
 * that room several times over, and bounds what one device can make each member store.
 */
export const LOG_QUOTA_BYTES = 256 * 1024 * 1024

/**
 * Device logs one member may speak through (the one they joined with, and one more per archive
 * restore: core/archive/archive-restore.ts). With Q this bounds what one member can make each
 * member store: MAX_DEVICES_PER_MEMBER × Q, 1 GiB. Counted in governance's replay order, so
 * every peer refuses the same `device.add`.
 */
export const MAX_DEVICES_PER_MEMBER = 4

/**
 * A TEST KNOB, not a setting: integration tests set a small Q for every process of a run through
 * this environment variable. The CLI and the app never set it; a group whose peers disagreed on
 * Q would decide blocks differently, so Q is not something a person may change.
 */
export const TEST_QUOTA_ENV = 'HEARTH_TEST_LOG_QUOTA_BYTES'

/** The budget in force in this process. */
export function logQuota(): number {
  const knob = process.env[TEST_QUOTA_ENV]
  const n = knob === undefined ? NaN : Number(knob)
  return Number.isSafeInteger(n) && n > 0 ? n : LOG_QUOTA_BYTES
}

/** E from the sizes of a log's blocks, in order (a log held whole, e.g. read from an archive). */
export function quotaEndFromSizes(sizes: Iterable<number>, budget: number): number {
  let end = 0
  let index = 0
  for (const size of sizes) {
    end += size
    if (end > budget) return index
    index++
  }
  return Infinity
}

/**
 * The writer's side: refuses a write that would pass the budget, so this device never writes a
 * block no one will read. `byteLength`: the log's signed length in bytes now.
 */
export function assertRoom(byteLength: number, adding: number, budget = logQuota()): void {
  if (byteLength + adding > budget) {
    throw errors.LOG_QUOTA_REACHED(`this device has written ${byteLength} of its ${budget} bytes`)
  }
}

/** A log as the rule reads it: its signed length in bytes, and where a byte budget ends it. */
export interface QuotaSource {
  readonly byteLength?: number
  quotaEnd?(budget: number): Promise<number | null>
}

/**
 * Whether `blocks` fit in the log's budget. `refuse`: throws LOG_QUOTA_REACHED instead of
 * answering false (a write the person asked for is refused with plain words).
 */
export function hasRoom(log: QuotaSource, blocks: readonly Uint8Array[], refuse = false): boolean {
  if (log.byteLength === undefined) return true
  const adding = blocks.reduce((n, b) => n + b.length, 0)
  if (refuse) assertRoom(log.byteLength, adding)
  return log.byteLength + adding <= logQuota()
}

/** Room an admission needs at most (a `member.admit` event is a few kilobytes); see roomToAdmit. */
export const ADMISSION_ROOM = 64 * 1024

/**
 * Whether this device's own log can still take an admission. A node that cannot stops announcing
 * the group's invites, so joiners meet members who can admit them (join.ts steps aside too).
 */
export function roomToAdmit(own: QuotaSource): boolean {
  return own.byteLength === undefined || own.byteLength + ADMISSION_ROOM <= logQuota()
}

/** The devices past their budget, for status: whose, and how many of their blocks speak. */
export function quotaReached(book: QuotaBook, memberOf: (logKey: string) => string | undefined, names: ReadonlyMap<string, string>): { quotaReached?: { memberId: string; name: string; blocks: number | null }[] } {
  const out = [...book.reached()].flatMap(([log, end]) => {
    const memberId = memberOf(log)
    return memberId === undefined ? [] : [{ memberId, name: names.get(memberId) ?? 'member', blocks: end === Infinity ? null : end }]
  })
  return out.length ? { quotaReached: out } : {}
}

/** Per log, its quota end as this reader knows it; what a reader consults before judging a block. */
export class QuotaBook {
  /** log key → E (Infinity: within budget; null: past budget, E not known yet) */
  private readonly ends = new Map<string, number | null>()

  set(logKey: string, end: number | null): void {
    this.ends.set(logKey, end)
  }

  /** Whether block `index` of the log speaks. A log never measured is taken as within budget. */
  allows(logKey: string, index: number): boolean {
    if (!this.ends.has(logKey)) return true
    const end = this.ends.get(logKey)
    return end !== null && end !== undefined && index < end
  }

  /** Past its budget, but where is not known yet: nothing more of the log is read. */
  unknown(logKey: string): boolean {
    return this.ends.get(logKey) === null
  }

  /** The first index not to read (Infinity when every block may be read). */
  readEnd(logKey: string): number {
    if (!this.ends.has(logKey)) return Infinity
    return this.ends.get(logKey) ?? 0
  }

  /** Logs past their budget: log key → E (null when not known yet). */
  reached(): Map<string, number | null> {
    return new Map([...this.ends].filter(([, e]) => e !== Infinity))
  }
}
