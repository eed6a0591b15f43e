/**
 * One doc state cut into several Yjs updates that, applied in order, build the same doc (issue 19:
 * the wake behind the kept screen applies a doc state per macrotask; one member doc of a large
 * group took 150 ms or more in one go, holding every call and event behind it).
 *
 * Reads Yjs update format v1 (update-clocks.ts has the layout). Each piece is itself a v1 update:
 *   clients c, then c × { structs m, client, clock, then m structs (their bytes as they were) },
 *   then a delete set: the update's own in the last piece, an empty one (the byte 0) in the others.
 * A client's structs are cut only between two structs, and its pieces come in clock order, so
 * each struct's own earlier clocks are in the doc before it (other clients' may come later: Yjs
 * keeps such a struct pending until they do, as for any update). The delete set comes last, once
 * every struct it may name is in. The doc is the same because these are the very structs and
 * delete set of the update, each applied once.
 *
 * Anything this reader cannot walk (an unknown content, a read past the end) ends the cutting:
 * the whole update is given as the next piece, for Yjs to judge as before (a struct already
 * applied from an earlier piece is skipped by Yjs by its clock).
 */
import { Skim } from './update-clocks.ts'

/** A run of one client's structs in the update: where its bytes lie and the clock it starts at. */
interface Run {
  client: number
  clock: number
  structs: number
  from: number
  to: number
}

/** The pieces of `update`, each holding about `budget` bytes of structs (at least one struct), made as they are asked for. */
export function* updatePieces(update: Uint8Array, budget: number): Generator<Uint8Array> {
  const r = new Skim(update)
  let runs: Run[] = []
  let bytes = 0
  try {
    for (let clients = r.uint(); clients > 0; clients--) {
      const structs = r.uint()
      const client = r.uint()
      let clock = r.uint()
      let run: Run = { client, clock, structs: 0, from: r.o, to: r.o }
      for (let i = 0; i < structs; i++) {
        const at = r.o
        const ticks = r.struct()
        if (bytes > 0 && bytes + (r.o - at) > budget) {
          // This struct goes in the next piece, starting a run of its own there.
          if (run.structs > 0) runs.push(run)
          yield piece(update, runs, null)
          runs = []
          bytes = 0
          run = { client, clock, structs: 0, from: at, to: at }
        }
        run.structs++
        run.to = r.o
        bytes += r.o - at
        clock += ticks
      }
      if (run.structs > 0) runs.push(run)
    }
  } catch {
    yield update
    return
  }
  yield piece(update, runs, update.subarray(r.o))
}

/** A v1 update of `runs` (their bytes copied from `update`) and the delete set `ds` (empty when null). */
function piece(update: Uint8Array, runs: readonly Run[], ds: Uint8Array | null): Uint8Array {
  let size = uintSize(runs.length) + (ds ? ds.length : 1)
  for (const x of runs) size += uintSize(x.structs) + uintSize(x.client) + uintSize(x.clock) + x.to - x.from
  const out = new Uint8Array(size)
  let o = writeUint(out, 0, runs.length)
  for (const x of runs) {
    o = writeUint(out, o, x.structs)
    o = writeUint(out, o, x.client)
    o = writeUint(out, o, x.clock)
    out.set(update.subarray(x.from, x.to), o)
    o += x.to - x.from
  }
  if (ds) out.set(ds, o)
  else out[o] = 0
  return out
}

/** lib0 var-uint: 7 bits a byte, low first, the top bit set on every byte but the last. */
function uintSize(n: number): number {
  let size = 1
  while (n >= 128) {
    n = Math.floor(n / 128)
    size++
  }
  return size
}

function writeUint(out: Uint8Array, o: number, n: number): number {
  while (n >= 128) {
    out[o++] = (n % 128) | 128
    n = Math.floor(n / 128)
  }
  out[o++] = n
  return o
}
