/**
 * Where a newcomer and the group's members meet on a signaling server to run the join exchange
 * over WebRTC (invite-meet.ts), and the key their signals there are sealed under.
 *
 * Derivation, WebRTC invite room v1 (from the invite's public key, core/group/invite-keys.ts):
 *   room      = hex(BLAKE2b-256(key = "hearth/webrtc-invite-room/v1",   message = invite public key))
 *   signalKey =     BLAKE2b-256(key = "hearth/webrtc-invite-signal/v1", message = invite public key)
 * The public key comes from the code's secret, and otherwise only from `invite.create` in the
 * group's sealed governance: so a code holder can compute both, and so can every member who can
 * read the invite (any of them may answer it, as on the DHT topic), and nobody else. The room
 * name is what the signaling server sees; neither it nor the DHT topic (another label over the
 * same key) leads to the other or to the signal key. Signals use the envelope of
 * signal-envelope.ts (v1) under this key.
 */
import { keyedHash } from '../../crypto/hash.ts'
import { errors } from '../../errors.ts'
import { KeyedRooms } from './epoch-rooms.ts'

const ROOM_KEY = new TextEncoder().encode('hearth/webrtc-invite-room/v1')
const SIGNAL_KEY = new TextEncoder().encode('hearth/webrtc-invite-signal/v1')
/** y-webrtc's server takes 32 rooms per connection (signal-limits.ts); live invites past it wait on the DHT. */
export const MAX_INVITE_ROOMS = 32

function publicKeyOf(k: Uint8Array): Uint8Array {
  if (!(k instanceof Uint8Array) || k.length !== 32) throw errors.INVALID_INPUT('an invite public key is 32 bytes')
  return k
}

export function inviteRoom(invitePublicKey: Uint8Array): string {
  return Buffer.from(keyedHash(ROOM_KEY, publicKeyOf(invitePublicKey))).toString('hex')
}

export function inviteSignalKey(invitePublicKey: Uint8Array): Uint8Array {
  return keyedHash(SIGNAL_KEY, publicKeyOf(invitePublicKey))
}

/** The invite rooms one meeting is in: a joiner's one, or a member's for every live invite (the first MAX_INVITE_ROOMS). */
export class InviteRooms extends KeyedRooms {
  constructor(publicKeys: readonly Uint8Array[]) {
    super({ pick: (keys) => keys.slice(0, MAX_INVITE_ROOMS), room: inviteRoom, signalKey: inviteSignalKey }, publicKeys)
  }
}
