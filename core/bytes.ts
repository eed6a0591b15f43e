/**
 * Joining byte arrays: the one place Hearth does it (a label and a key before a hash, a message's
 * head and body, a file's sealed pieces, a writer's chunks).
 *
 * Why not Buffer.concat: below half of Node's pool size (4 KiB) it returns a view into a shared,
 * pooled ArrayBuffer, so `.buffer` holds other bytes beside ours and code that takes `.buffer` (a
 * DataView, a transfer) would reach them; and much of what is joined here is key material. The
 * result here is always a fresh array of its own, exactly the parts' length.
 *
 * The parts come as one array, not as arguments: a writer's chunks or a checkpoint's pieces may
 * number in the hundreds of thousands, past what a spread call may pass.
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0
  for (const p of parts) size += p.length
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
