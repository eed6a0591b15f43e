/**
 * The keeper's status to a group's members, v1 (docs/formats.md "Keeper status"): a Protomux
 * channel of its own, "hearth/keeper-status/v1", id null, beside "hearth/keeper/v1" on the same
 * connection, so it adds nothing to the access protocol. One raw message type, keeper → member,
 * exactly 18 bytes:
 *
 *   0   1   version = 0x01
 *   1   1   flags: bit 0 = full (past its quota the keeper takes no new block of this group)
 *   2   8   bytes of this group's blocks the keeper holds, unsigned big-endian
 *   10  8   the keeper's quota per group in bytes, unsigned big-endian; 0 = no quota
 *
 * Sent only on a connection whose access proof named the group, once access is granted and again
 * whenever the group becomes full. The member's side takes it only from the keeper (its link's
 * firewall and Noise prove the remote key), and keeps the latest. It says nothing about the
 * group's content; the keeper learns nothing from sending it. A malformed message is ignored.
 */
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'

export const KEEPER_STATUS_PROTOCOL = 'hearth/keeper-status/v1'
const VERSION = 1
const BYTES = 18
const FULL = 1

export interface KeeperStatus {
  full: boolean
  heldBytes: number
  /** bytes per group, or null when the keeper has no quota */
  quota: number | null
}

export function encodeStatus(s: KeeperStatus): Uint8Array {
  const out = new Uint8Array(BYTES)
  const view = new DataView(out.buffer)
  out[0] = VERSION
  out[1] = s.full ? FULL : 0
  view.setBigUint64(2, BigInt(s.heldBytes))
  view.setBigUint64(10, BigInt(s.quota ?? 0))
  return out
}

export function decodeStatus(m: Uint8Array): KeeperStatus | null {
  if (!(m instanceof Uint8Array) || m.length !== BYTES || m[0] !== VERSION || (m[1] ?? 0) > FULL) return null
  const view = new DataView(m.buffer, m.byteOffset, m.byteLength)
  const held = view.getBigUint64(2)
  const quota = view.getBigUint64(10)
  if (held > BigInt(Number.MAX_SAFE_INTEGER) || quota > BigInt(Number.MAX_SAFE_INTEGER)) return null
  return { full: m[1] === FULL, heldBytes: Number(held), quota: quota === 0n ? null : Number(quota) }
}

/**
 * Opens the status channel on a connection. The keeper sends with `send`; a member passes
 * `onStatus`. Never throws: a connection that cannot carry it simply has no status.
 */
export function statusChannel(stream: NoiseStream, onStatus?: (s: KeeperStatus) => void): { send(s: KeeperStatus): void } {
  let channel: ProtomuxChannel | null = null
  // Sent once both sides have opened the channel: a status asked for earlier waits for that.
  let waiting: KeeperStatus | null = null
  const write = (s: KeeperStatus): void => {
    try {
      channel?.messages[0]?.send(encodeStatus(s))
    } catch {
      // the connection is closing; the member hears again when it reconnects
    }
  }
  try {
    channel = Protomux.from(stream).createChannel({
      protocol: KEEPER_STATUS_PROTOCOL,
      messages: [{ encoding: rawEncoding, onmessage: (m) => {
        const s = decodeStatus(m)
        if (s && onStatus) onStatus(s)
      } }],
      onopen: () => {
        if (waiting) write(waiting)
        waiting = null
      },
    })
    channel?.open()
  } catch {
    channel = null
  }
  return {
    send(s) {
      if (channel?.opened) write(s)
      else waiting = s
    },
  }
}
