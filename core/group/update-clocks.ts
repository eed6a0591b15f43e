/**
 * How far a Yjs update (format v1, what `Y.encodeStateAsUpdate` writes) reaches per client: the
 * same `to` map `Y.parseUpdateMeta` gives, read without building a struct or decoding a string;
 * and which ranges its delete set deletes (`updateReach`).
 *
 * Why: a full replay checks the last shared checkpoint of each log against the doc it was already
 * read into (DocSet's "known already"); parseUpdateMeta decoded every string of 27 MB of
 * checkpoint states to learn a few clocks, most of a second of CPU (docs/decisions.md).
 *
 * Layout read (Yjs 13, update v1; all integers lib0 var-uints):
 *   clients n, then n × { structs m, client, clock, then m × struct }
 *   struct: info u8; info & 31 = 0 (GC) or info = 10 (Skip): length;
 *     else an item: left origin id if info & 128, right origin id if info & 64, and when neither:
 *     parent (var-uint 1 then a string key, else an id) and, if info & 32, a string parentSub;
 *     then its content by info & 31, whose length in clock ticks is:
 *     1 deleted: length · 2 JSON: count, then count strings · 3 binary: 1 (bytes) · 4 string: its
 *     UTF-16 length · 5 embed: 1 (string) · 6 format: 1 (two strings) · 7 type: 1 (type ref, and a
 *     string key for refs 3 and 5) · 8 any: count, then count lib0 `any` values · 9 doc: 1 (string
 *     guid, then an `any`)
 *   then the delete set: clients d, then d × { client, ranges k, then k × { clock, length } }
 *   (`updateEnds` stops before it: it moves no clock; bytes after it are not read, as Yjs reads none)
 * Anything else — an unknown content or `any` tag, bytes that are not UTF-8, a read past the end —
 * returns null, and the caller falls back to Yjs itself. A later Yjs update format is a new file.
 */

/** Reads a v1 update's structs without building them (also update-pieces.ts). */
export class Skim {
  o = 0
  constructor(readonly b: Uint8Array) {}

  u8(): number {
    if (this.o >= this.b.length) throw new RangeError('past the end')
    return this.b[this.o++] as number
  }

  uint(): number {
    let n = 0
    let mult = 1
    for (;;) {
      const r = this.u8()
      n += (r & 0x7f) * mult
      if (r < 0x80) return n
      mult *= 128
      if (mult > 2 ** 53) throw new RangeError('integer too long')
    }
  }

  /** An item id: client, then clock. */
  id(): void {
    this.uint()
    this.uint()
  }

  skip(n: number): void {
    if (n > this.b.length - this.o) throw new RangeError('past the end')
    this.o += n
  }

  /** Skips a var-string; returns its length in UTF-16 units (what Yjs counts), checking it is UTF-8. */
  string(): number {
    const n = this.uint()
    if (n > this.b.length - this.o) throw new RangeError('past the end')
    let units = 0
    let follow = 0
    for (let i = this.o, end = this.o + n; i < end; i++) {
      const c = this.b[i] as number
      if (follow > 0) {
        if ((c & 0xc0) !== 0x80) throw new RangeError('not UTF-8')
        follow--
        continue
      }
      if (c < 0x80) follow = 0
      else if (c >= 0xc2 && c < 0xe0) follow = 1
      else if (c >= 0xe0 && c < 0xf0) follow = 2
      else if (c >= 0xf0 && c < 0xf5) follow = 3
      else throw new RangeError('not UTF-8')
      units += follow === 3 ? 2 : 1
    }
    if (follow > 0) throw new RangeError('not UTF-8')
    this.o += n
    return units
  }

  any(depth = 0): void {
    if (depth > 64) throw new RangeError('too deep')
    const tag = this.u8()
    if (tag === 127 || tag === 126 || tag === 121 || tag === 120) return
    if (tag === 125) return void this.uint() // a var-int: same continuation bits as a var-uint
    if (tag === 124) return this.skip(4)
    if (tag === 123 || tag === 122) return this.skip(8)
    if (tag === 119) return void this.string()
    if (tag === 116) return this.skip(this.uint())
    if (tag === 118) {
      for (let n = this.uint(); n > 0; n--) {
        this.string()
        this.any(depth + 1)
      }
      return
    }
    if (tag === 117) {
      for (let n = this.uint(); n > 0; n--) this.any(depth + 1)
      return
    }
    throw new RangeError('unknown any tag')
  }

  /** Skips one struct; returns its length in clock ticks. */
  struct(): number {
    const info = this.u8()
    const ref = info & 31
    // As Yjs reads them: a GC whatever the top bits, a Skip only as the bare byte 10.
    if (ref === 0 || info === 10) return this.uint()
    if (info & 128) this.id() // left origin
    if (info & 64) this.id() // right origin
    if ((info & 192) === 0) {
      if (this.uint() === 1) this.string()
      else this.id()
      if (info & 32) this.string()
    }
    return this.content(ref)
  }

  /** Skips an item's content; returns its length in clock ticks. */
  content(ref: number): number {
    switch (ref) {
      case 1: return this.uint()
      case 2: case 8: {
        const n = this.uint()
        for (let i = 0; i < n; i++) if (ref === 2) this.string()
        else this.any()
        return n
      }
      case 3: this.skip(this.uint()); return 1
      case 4: return this.string()
      case 5: this.string(); return 1
      case 6: this.string(); this.string(); return 1
      case 7: {
        const type = this.uint()
        if (type > 6) throw new RangeError('unknown type')
        if (type === 3 || type === 5) this.string()
        return 1
      }
      case 9: this.string(); this.any(); return 1
      default: throw new RangeError('unknown content')
    }
  }
}

/** client → the clock just past its last struct in `update`, as Y.parseUpdateMeta's `to`; null if unreadable. */
export function updateEnds(update: Uint8Array): Map<number, number> | null {
  const r = new Skim(update)
  try {
    return structEnds(r)
  } catch {
    return null
  }
}

/** What an update reaches: its structs' ends per client, and its delete set as flat (client, clock, length) triples. */
export interface UpdateReach {
  ends: Map<number, number>
  deletes: number[]
}

/** `updateEnds` and the delete set after the structs (as Y.decodeUpdate's `ds`); null if unreadable. */
export function updateReach(update: Uint8Array): UpdateReach | null {
  const r = new Skim(update)
  try {
    const ends = structEnds(r)
    const deletes: number[] = []
    for (let clients = r.uint(); clients > 0; clients--) {
      const client = r.uint()
      for (let ranges = r.uint(); ranges > 0; ranges--) deletes.push(client, r.uint(), r.uint())
    }
    return { ends, deletes }
  } catch {
    return null
  }
}

/** Reads the structs of an update, leaving `r` at its delete set; throws on bytes it cannot read. */
function structEnds(r: Skim): Map<number, number> {
  const to = new Map<number, number>()
  for (let clients = r.uint(); clients > 0; clients--) {
    const structs = r.uint()
    const client = r.uint()
    let clock = r.uint()
    for (let i = 0; i < structs; i++) clock += r.struct()
    if (structs > 0) to.set(client, clock)
  }
  return to
}
