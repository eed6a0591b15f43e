/**
 * Device announcement, protocol v1, run on a connection only after member-auth.ts accepted the
 * remote: each side tells the other which device log it writes through. A Protomux channel
 * "hearth/device/v1", id null, one message type (0, raw): exactly ANNOUNCEMENT_BYTES (128), the
 * sender's log key with its proof of holding that log's key pair (core/group/device-proof.ts says
 * what the bytes mean; this module only carries them). Anything else, or a second message, is ignored.
 *
 * Why: a member who restored the group from an archive (core/archive/) writes through a new log
 * that only its own block 0 (`device.add`, signed by the member) attests. Peers cannot learn of it
 * from governance before they hold that block, so the authenticated member names it here, and a
 * peer fetches it (core/group/group-online.ts); governance alone then decides whether it counts.
 *
 * Either side may open first: `listen` is set before authentication, so a remote's open waits
 * until our own check of the remote has finished, and is refused if it failed.
 */
import { Protomux, rawEncoding, type NoiseStream } from './holepunch-net.ts'

export const DEVICE_PROTOCOL = 'hearth/device/v1'
const MESSAGE_BYTES = 128

const opened = new WeakSet<NoiseStream>()

/** Opens the channel once per connection, sends our announcement, hands the remote's to `onKey` once. */
export function announceDevice(stream: NoiseStream, ownKey: Uint8Array, onKey: (key: Uint8Array) => void): void {
  if (opened.has(stream) || stream.destroyed) return
  opened.add(stream)
  let heard = false
  try {
    const channel = Protomux.from(stream).createChannel({
      protocol: DEVICE_PROTOCOL,
      messages: [{
        encoding: rawEncoding,
        onmessage(m) {
          if (heard || m.length !== MESSAGE_BYTES) return
          heard = true
          onKey(m.slice())
        },
      }],
      onopen: () => void channel?.messages[0]?.send(ownKey),
    })
    channel?.open()
  } catch {
    // an announcement is a hint; the connection works without it
  }
}

/** Lets the remote open the channel first: it waits for `authed`, and is answered only if that says yes. */
export function listenForDevice(stream: NoiseStream, authed: Promise<boolean>, ownKey: Uint8Array, onKey: (key: Uint8Array) => void): void {
  try {
    Protomux.from(stream).pair({ protocol: DEVICE_PROTOCOL }, async () => {
      if (await authed) announceDevice(stream, ownKey, onKey)
    })
  } catch {
    // as above
  }
}
