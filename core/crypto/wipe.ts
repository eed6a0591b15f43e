/**
 * Overwrites key material we own. JavaScript cannot promise that no copy survives elsewhere
 * (the engine may have moved or copied a buffer, and strings cannot be wiped at all), so keys
 * are kept as Uint8Array only and wiped as soon as they are dropped. docs/decisions.md says
 * what this does and does not give.
 */
export function wipe(...bufs: (Uint8Array | null | undefined)[]): void {
  for (const b of bufs) b?.fill(0)
}
