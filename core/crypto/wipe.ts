/**
 * Overwrites key material we own. JavaScript cannot promise that no copy survives elsewhere
 * (the engine may have moved or copied a buffer, and strings cannot be wiped at all), so keys
 * are kept as Uint8Array only and wiped as soon as they are dropped. docs/decisions.md says
 * what this does and does not give.
 */
export function wipe(...bufs: (Uint8Array | null | undefined)[]): void {
  for (const b of bufs) b?.fill(0)
}

/**
 * A copy of key material that shares no memory with `b`. Not `b.slice()`: on a Node Buffer that
 * is a view of the same bytes, so wiping the "copy" wipes the original (a newcomer's keys came
 * from the welcome as Buffers, and a wiped view once zeroed its epoch key, docs/decisions.md).
 */
export function copyOf(b: Uint8Array): Uint8Array {
  return new Uint8Array(b)
}
