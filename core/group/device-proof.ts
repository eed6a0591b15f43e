/**
 * The device announcement's content, version 1 (carried by core/net/device-announce.ts): a member
 * proves that it holds the key pair of the device log it names, so a peer fetches only logs their
 * announcer controls — never, say, a log of another group this peer's store holds, which a
 * member who knew its key could otherwise make this group's connections serve.
 *
 *   announcement (128 bytes) = log key (32) || signer public key (32) || signature (64)
 *   signature = Ed25519 by the log's own Hypercore key pair over
 *               "hearth/device/v1\n" || group id (16 bytes) || member id (32) || log key (32)
 *
 * The receiver requires the log key to be the hash of the signer's manifest (logKeyOf), the
 * member id to be the one the connection authenticated, and the signature to verify. Replaying
 * someone's announcement on another connection fails on the member id.
 */
import { verifySignature } from '../crypto/sign.ts'
import { logKeyOf } from '../store/log-store.ts'
import type { DeviceLog } from '../store/device-log.ts'

export const ANNOUNCEMENT_BYTES = 128
const DOMAIN = new TextEncoder().encode('hearth/device/v1\n')

function message(groupId: string, memberId: string, key: Uint8Array): Uint8Array {
  return Buffer.concat([DOMAIN, Buffer.from(groupId, 'hex'), Buffer.from(memberId, 'hex'), key])
}

export function announce(log: DeviceLog, groupId: string, memberId: string): Uint8Array {
  const { signer, sig } = log.signAsLog(message(groupId, memberId, log.key))
  return Buffer.concat([log.key, signer, sig])
}

/** The announced log key (hex) if the announcement proves it for this group and member, else null. */
export function verifyAnnouncement(bytes: Uint8Array, groupId: string, memberId: string): string | null {
  if (!(bytes instanceof Uint8Array) || bytes.length !== ANNOUNCEMENT_BYTES) return null
  const key = bytes.subarray(0, 32)
  const signer = bytes.subarray(32, 64)
  const sig = bytes.subarray(64, 128)
  try {
    if (!Buffer.from(logKeyOf(signer)).equals(Buffer.from(key))) return null
    return verifySignature(sig, message(groupId, memberId, key), signer) ? Buffer.from(key).toString('hex') : null
  } catch {
    return null
  }
}
