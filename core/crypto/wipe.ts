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
 * A copy of key material that is the caller's own to wipe. Not `.slice()`: on a Node Buffer
 * (what `Buffer.from(hex)` and many Holepunch calls return) `slice` is a view of the same memory,
 * so wiping that "copy" wipes the original too, and a small Buffer may be a view of Node's shared
 * pool. `new Uint8Array(b)` always copies, into memory of its own.
 */
export function copyBytes(b: Uint8Array): Uint8Array {
  return new Uint8Array(b)
}

/**
 * True for a key of nothing but zero bytes: what `wipe` leaves. Sealing under it would give
 * ciphertext anyone can open, so every seal refuses it (a wiped "copy" that was really the
 * original once made a newcomer seal its blocks under 32 zero bytes; docs/decisions.md).
 */
export function isWiped(key: Uint8Array): boolean {
  return key.every((b) => b === 0)
}
