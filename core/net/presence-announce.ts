/**
 * Presence, protocol v1, run on a connection only after member-auth.ts accepted the remote: each
 * side tells the other whether to show it as connected. A Protomux channel "hearth/presence/v1",
 * id null, one message type (0, raw): exactly 1 byte, 0x01 = "do not show me", 0x00 = "show me".
 * It may be sent again when the member changes their choice; the latest message wins. Anything
 * else is ignored.
 *
 * Why a message and not silence: replication needs an authenticated connection, so a member who
 * chose not to show as connected still connects (issue 17); this asks honest nodes to leave the
 * connection out of "connected now" and last-seen. A node that never sends it (older versions)
 * is shown, as before. Until the byte arrives (right after authentication) the peer is shown.
 */
import { Protomux, rawEncoding, type NoiseStream } from './holepunch-net.ts'

export const PRESENCE_PROTOCOL = 'hearth/presence/v1'

export interface PresenceChannel {
  send(hidden: boolean): void
}

const channels = new WeakMap<NoiseStream, PresenceChannel>()

const byte = (hidden: boolean): Uint8Array => Uint8Array.of(hidden ? 1 : 0)

/** Opens the channel once per connection and sends our choice; `onRemote` hears the remote's each time. */
export function announcePresence(stream: NoiseStream, hidden: () => boolean, onRemote: (hidden: boolean) => void): PresenceChannel | null {
  const known = channels.get(stream)
  if (known || stream.destroyed) return known ?? null
  try {
    const channel = Protomux.from(stream).createChannel({
      protocol: PRESENCE_PROTOCOL,
      messages: [{
        encoding: rawEncoding,
        onmessage(m) {
          if (m.length === 1 && (m[0] === 0 || m[0] === 1)) onRemote(m[0] === 1)
        },
      }],
      onopen: () => void channel?.messages[0]?.send(byte(hidden())),
    })
    if (!channel) return null
    const out: PresenceChannel = { send: (h) => void channel.messages[0]?.send(byte(h)) }
    channels.set(stream, out)
    channel.open()
    return out
  } catch {
    return null // presence is a courtesy of honest nodes; the connection works without it
  }
}

/** Lets the remote open the channel first: it waits for `authed`, and is answered only if that says yes. */
export function listenForPresence(stream: NoiseStream, authed: Promise<boolean>, hidden: () => boolean, onRemote: (hidden: boolean) => void): void {
  try {
    Protomux.from(stream).pair({ protocol: PRESENCE_PROTOCOL }, async () => {
      if (await authed) announcePresence(stream, hidden, onRemote)
    })
  } catch {
    // as above
  }
}

/** Sends a changed choice on a connection whose channel is open. */
export function resendPresence(stream: NoiseStream, hidden: boolean): void {
  try {
    channels.get(stream)?.send(hidden)
  } catch {
    // as above
  }
}
