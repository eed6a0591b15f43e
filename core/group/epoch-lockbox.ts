/**
 * Epoch-key lockboxes (DESIGN.md §3.1), version 1, as carried by `epoch.rotate` and
 * `epoch.share` (core/group/gov-event.ts):
 *
 *   lockbox  hex of a sealed box (core/crypto/sealedbox.ts) of the 32-byte epoch key to the
 *            member's box key: 32 ephemeral pk + 16 MAC + 32 key = 80 bytes, 160 hex digits
 *   check    hex BLAKE2b-256("hearth/epoch-key/v1\n" || key)
 *
 * A sealed box does not say who sealed it, so a dishonest author could put different keys in
 * different members' lockboxes under one epoch id; the check, signed inside the event, lets every
 * recipient refuse a key that is not the one announced. The check reveals nothing usable about a
 * random 256-bit key.
 *
 * Key lifetime: an epoch key seals blocks from the rotation that announced it until the next
 * rotation; it is kept afterwards for reading only. Removed members never get a lockbox.
 */
import { concatBytes } from '../bytes.ts'
import { errors } from '../errors.ts'
import { equalBytes, hash } from '../crypto/hash.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import { randomBytes } from '../crypto/random.ts'
import { wipe } from '../crypto/wipe.ts'

const DOMAIN = new TextEncoder().encode('hearth/epoch-key/v1\n')
export const EPOCH_KEY_BYTES = 32

export function epochCheck(key: Uint8Array): string {
  // The joined copy holds the key: wiped once hashed, so no stray copy outlives the call.
  const input = concatBytes([DOMAIN, key])
  try {
    return Buffer.from(hash(input)).toString('hex')
  } finally {
    wipe(input)
  }
}

/** One lockbox per member: member id → hex sealed box of `key` to their box key. */
export function sealLockboxes(key: Uint8Array, members: Iterable<{ id: string; boxKey: string }>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of members) out[m.id] = Buffer.from(sealTo(key, Buffer.from(m.boxKey, 'hex'))).toString('hex')
  return out
}

/** Opens our lockbox and checks the key against the announced check. Throws CRYPTO_OPEN_FAILED. */
export function openLockbox(lockbox: string, check: string, boxPublicKey: Uint8Array, boxSecretKey: Uint8Array): Uint8Array {
  const key = openSealed(Buffer.from(lockbox, 'hex'), boxPublicKey, boxSecretKey)
  if (key.length !== EPOCH_KEY_BYTES || !equalBytes(Buffer.from(epochCheck(key), 'hex'), Buffer.from(check, 'hex'))) {
    throw errors.CRYPTO_OPEN_FAILED('the epoch key does not match its announced check')
  }
  return key
}

/** A fresh epoch id: a random non-zero u32 not in `used`. */
export function newEpochId(used: (id: number) => boolean): number {
  for (;;) {
    const id = Buffer.from(randomBytes(4)).readUInt32LE(0)
    if (id !== 0 && !used(id)) return id
  }
}
