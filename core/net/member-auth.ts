/**
 * Member authentication on one connection, run before anything else touches it (DESIGN.md §4).
 *
 * Protocol v1: a Protomux channel, protocol "hearth/member-auth", id null, one message type (0,
 * raw bytes) carrying the 137-byte message of auth-message.ts. Each side:
 *   1. opens the channel as soon as the connection exists;
 *   2. sends its own message only once the remote has opened the channel too, so a peer that does
 *      not speak this protocol (a stock Hyperswarm peer) never receives even the sealed bytes;
 *   3. accepts the first message from the remote if it opens under the group's key, names a
 *      current member (the caller's isMember: governance stays outside core/net) and carries a
 *      valid signature over this connection's handshake hash and the remote's role.
 * Each side decides alone: we replicate to a peer once WE have verified THEM, whatever they think
 * of us. A peer that refuses us destroys the stream, which ends our replication too.
 *
 * Any failure destroys the stream and reports a reason code; nothing from the peer's bytes is
 * reported (no member ids, no lengths). The promise never rejects. Failures:
 *   oversize, malformed, version, wrong-group, bad-signature   (auth-message.ts)
 *   not-member   a valid proof by someone governance does not list
 *   timeout      no proof within timeoutMs (10 s by default)
 *   refused      the remote closed or rejected the auth channel (does not speak Hearth)
 *   closed       the connection ended first
 *   internal     our own side failed (isMember threw, the channel could not be made)
 */
import { decodeAuthMessage, encodeAuthMessage, type AuthContext, type AuthMessageFault } from './auth-message.ts'
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from './holepunch-net.ts'

export const AUTH_PROTOCOL = 'hearth/member-auth'
export const AUTH_TIMEOUT_MS = 10_000

export type RejectReason = AuthMessageFault | 'not-member' | 'timeout' | 'refused' | 'closed' | 'internal'
export type AuthOutcome = { ok: true; memberId: string } | { ok: false; reason: RejectReason }

export interface MemberAuthOptions {
  /** memberAuthKey(groupSecret), auth-message.ts */
  authKey: Uint8Array
  groupId: Uint8Array
  /** This membership's identity: the proof we send. */
  member: { signPublicKey: Uint8Array; signSecretKey: Uint8Array }
  /** Is this member id (hex Ed25519 public key) a current member? Must not throw; if it does, the peer is refused. */
  isMember(memberId: string): boolean
  timeoutMs?: number
}

/** Resolves once the remote has proved membership, or after the stream was destroyed. */
export function authenticatePeer(stream: NoiseStream, opts: MemberAuthOptions): Promise<AuthOutcome> {
  return new Promise((resolve) => {
    let settled = false
    let channel: ProtomuxChannel | null = null
    const timer = setTimeout(() => fail('timeout'), opts.timeoutMs ?? AUTH_TIMEOUT_MS)
    timer.unref?.()
    const onClose = (): void => fail('closed')
    stream.once('close', onClose)

    function settle(outcome: AuthOutcome): void {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }

    function fail(reason: RejectReason): void {
      if (settled) return
      settle({ ok: false, reason })
      stream.destroy()
    }

    function context(): AuthContext | null {
      const hash = stream.handshakeHash
      return hash ? { authKey: opts.authKey, groupId: opts.groupId, handshakeHash: hash } : null
    }

    function onopen(): void {
      if (settled) return
      const ctx = context()
      if (!ctx || !channel) return fail('internal')
      try {
        channel.messages[0]?.send(encodeAuthMessage(ctx, stream.isInitiator, opts.member))
      } catch {
        fail('internal')
      }
    }

    function onmessage(message: Uint8Array): void {
      if (settled) return
      const ctx = context()
      if (!ctx) return fail('internal')
      let memberId: string
      let member: boolean
      try {
        const decoded = decodeAuthMessage(ctx, !stream.isInitiator, message)
        if (!decoded.ok) return fail(decoded.fault)
        memberId = Buffer.from(decoded.memberId).toString('hex')
        member = opts.isMember(memberId) === true
      } catch {
        return fail('internal')
      }
      if (!member) return fail('not-member')
      stream.off('close', onClose)
      settle({ ok: true, memberId })
    }

    try {
      channel = Protomux.from(stream).createChannel({
        protocol: AUTH_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage }],
        onopen,
        // After success the channel stays open and idle; its closing then means nothing here.
        onclose: () => fail(stream.destroyed ? 'closed' : 'refused'),
      })
      if (!channel) return fail(stream.destroyed ? 'closed' : 'internal')
      channel.open()
    } catch {
      fail('internal')
    }
  })
}
