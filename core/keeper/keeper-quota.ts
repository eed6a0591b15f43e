/**
 * The keeper's quota per group (issue 15, `hearth keeper serve --quota SIZE`): how many bytes of
 * one group's logs the keeper will hold. Past it the keeper stops asking for blocks of that group
 * and keeps no new log for it; what it already holds stays. Sizes are decimal (1 MB = 1,000,000
 * bytes, as disks are sold); KiB, MiB, GiB and TiB are binary, for operators who think that way.
 *
 * What is counted: the bytes of the blocks the keeper holds (Hypercore's block lengths), not the
 * store's overhead on disk (Merkle nodes, RocksDB), which is a small fixed share on top; and the
 * group's join mailboxes at their files' exact size (keeper-mailbox-file.ts).
 */
import { errors } from '../errors.ts'
import type { HypercoreSession } from '../store/holepunch.ts'

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
}

/** Bytes from "500MB", "2GB", "1.5 GiB", "4096"; INVALID_INPUT for anything else. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  const unit = m ? (m[2] ?? '').toLowerCase() || 'b' : ''
  const scale = UNITS[unit]
  const bytes = m && scale !== undefined ? Math.floor(Number(m[1]) * scale) : NaN
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw errors.INVALID_INPUT(`--quota wants a size such as 500MB or 2GB, not “${text}”`)
  return bytes
}

/** Bytes of the blocks a log holds here: the whole log's length when it is complete, else block by block. */
export async function bytesHeld(core: HypercoreSession): Promise<number> {
  if (core.contiguousLength === core.length) return core.byteLength
  let n = 0
  for (let i = 0; i < core.length; i++) n += (await core.get(i, { wait: false }))?.byteLength ?? 0
  return n
}

/**
 * Each group's bytes against one quota (null: no quota): its logs' blocks, plus what its join
 * mailboxes hold (keeper-mailbox.ts, the exact size of their files).
 */
export class QuotaBook {
  private readonly used = new Map<string, number>()
  private readonly boxes = new Map<string, number>()

  constructor(readonly quota: number | null) {}

  held(group: string): number {
    return (this.used.get(group) ?? 0) + (this.boxes.get(group) ?? 0)
  }

  /** Whether `more` bytes of mailbox fit while staying under the quota (a mailbox never fills a group). */
  fits(group: string, more: number): boolean {
    return this.quota === null || this.held(group) + more < this.quota
  }

  /** What a group's mailboxes hold now. */
  setBoxes(group: string, bytes: number): void {
    if (bytes > 0) this.boxes.set(group, bytes)
    else this.boxes.delete(group)
  }

  full(group: string): boolean {
    return this.quota !== null && this.held(group) >= this.quota
  }

  /** A group's count follows it to its successor's access key (keeper-succession.ts). */
  move(old: string, next: string): void {
    for (const m of [this.used, this.boxes]) {
      const n = m.get(old)
      m.delete(old)
      if (n !== undefined) m.set(next, n)
    }
  }

  /** Counts bytes now held for a group; true when this is what made it full. */
  charge(group: string, bytes: number): boolean {
    const was = this.full(group)
    this.used.set(group, (this.used.get(group) ?? 0) + bytes)
    return !was && this.full(group)
  }
}
