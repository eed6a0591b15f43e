/**
 * Member authentication on one connection, run before anything else touches it (DESIGN.md §4).
 *
 * Protocol v2: a Protomux channel, protocol "hearth/member-auth", id null, two message types (raw
 * bytes): 0 carries the 137-byte proof of auth-message.ts (unchanged since v1), 1 the admission
 * exchange of admission-exchange.ts (new in v2; a v1 peer never sends it). Each side:
 *   1. opens the channel as soon as the connection exists;
 *   2. sends its own message only once the remote has opened the channel too, so a peer that does
 *      not speak this protocol (a stock Hyperswarm peer) never receives even the sealed bytes;
 *   3. accepts the first message from the remote if it opens under the group's key, names a
 *      current member (the caller's isMember: governance stays outside core/net) and carries a
 *      valid signature over this connection's handshake hash and the remote's role;
 *   4. v2: if the proof is valid but names no member it knows, and the caller gave `admission`,
 *      asks the remote to show its admission (type 1, ASK) instead of refusing at once, and
 *      accepts it provisionally if the shown event passes the caller's check. A side asked to
 *      show answers only once it has itself accepted the asker (else NONE), so a stranger never
 *      learns a member's admission.
 * Each side decides alone: we replicate to a peer once WE have verified THEM, whatever they think
 * of us. A peer that refuses us destroys the stream, which ends our replication too.
 *
 * Any failure destroys the stream and reports a reason code; nothing from the peer's bytes is
 * reported (no member ids, no lengths). The promise never rejects. Failures:
 *   oversize, malformed, version, wrong-group, bad-signature   (auth-message.ts)
 *   not-member   a valid proof by someone governance does not list (and, v2, no admission shown)
 *   admission-…  v2: the admission shown was refused (admission-exchange.ts for the wire faults,
 *                the caller's check for the others, e.g. admission-forged, admission-not-theirs)
 *   timeout      no proof within timeoutMs (10 s by default)
 *   refused      the remote closed or rejected the auth channel (does not speak Hearth)
 *   closed       the connection ended first
 *   internal     our own side failed (isMember threw, the channel could not be made)
 */
import { decodeAuthMessage, encodeAuthMessage, type AuthContext, type AuthMessageFault } from './auth-message.ts'
import { decodeAdmission, encodeAdmission, type AdmissionFault } from './admission-exchange.ts'
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from './holepunch-net.ts'

export const AUTH_PROTOCOL = 'hearth/member-auth'
export const AUTH_TIMEOUT_MS = 10_000

/** Why a shown admission was refused by the caller's check (core/group/provisional-admission.ts). */
export type AdmissionRefusal = 'admission-forged' | 'admission-not-admit' | 'admission-other-group' | 'admission-not-theirs'
  | 'admission-unknown-admitter' | 'admission-former' | 'admission-invalid' | 'admission-decided'
export type RejectReason = AuthMessageFault | AdmissionFault | AdmissionRefusal | 'not-member' | 'timeout' | 'refused' | 'closed' | 'internal'
/** `provisional`: admitted on a shown admission that this side's governance has not read yet. */
export type AuthOutcome = { ok: true; memberId: string; provisional?: true } | { ok: false; reason: RejectReason }

/** v2: how this side shows its own admission, and checks one shown to it. */
export interface AdmissionOptions {
  /** Our own admission event's payload, or null (the group's creator, or not read yet). */
  mine(): Uint8Array | null
  /** Checks an admission shown by `memberId`: true lets it in provisionally. Must not throw. */
  check(memberId: string, event: Uint8Array): true | AdmissionRefusal
}

export interface MemberAuthOptions {
  /** memberAuthKey(groupSecret), auth-message.ts */
  authKey: Uint8Array
  groupId: Uint8Array
  /** This membership's identity: the proof we send. */
  member: { signPublicKey: Uint8Array; signSecretKey: Uint8Array }
  /** Is this member id (hex Ed25519 public key) a current member? Must not throw; if it does, the peer is refused. */
  isMember(memberId: string): boolean
  timeoutMs?: number
  admission?: AdmissionOptions
}

/** Resolves once the remote has proved membership, or after the stream was destroyed. */
export function authenticatePeer(stream: NoiseStream, opts: MemberAuthOptions): Promise<AuthOutcome> {
  return new Promise((resolve) => {
    let settled = false
    let accepted = false
    /** The remote asked to see our admission before we had accepted it: answer once we do. */
    let askedOfUs = false
    /** The remote's valid proof named no member we know; we asked it to show its admission. */
    let asking: string | null = null
    let channel: ProtomuxChannel | null = null
    const timer = setTimeout(() => fail('timeout'), opts.timeoutMs ?? AUTH_TIMEOUT_MS)
    timer.unref?.()
    const onClose = (): void => fail('closed')
    stream.once('close', onClose)

    function settle(outcome: AuthOutcome): void {
      if (settled) return
      settled = true
      accepted = outcome.ok
      clearTimeout(timer)
      if (accepted && askedOfUs) showOurs()
      resolve(outcome)
    }

    function showOurs(): void {
      let mine: Uint8Array | null = null
      try {
        mine = opts.admission?.mine() ?? null
      } catch {
        mine = null
      }
      channel?.messages[1]?.send(encodeAdmission(mine ? { kind: 'show', event: mine } : { kind: 'none' }))
    }

    function onadmission(message: Uint8Array): void {
      const m = decodeAdmission(message)
      if ('fault' in m) return asking !== null ? fail(m.fault) : undefined
      if (m.kind === 'ask') {
        // Only a peer we accepted may see it. Its proof came before its ask on this channel, so
        // we have judged it already; if we are asking it in turn, neither knows the other and
        // it hears NONE. One still unjudged for another reason hears once we accept it.
        if (accepted) showOurs()
        else if (!settled && asking === null) askedOfUs = true
        else channel?.messages[1]?.send(encodeAdmission({ kind: 'none' }))
        return
      }
      if (asking === null || settled) return
      if (m.kind === 'none') return fail('not-member')
      let verdict: true | AdmissionRefusal
      try {
        verdict = opts.admission?.check(asking, m.event) ?? 'admission-invalid'
      } catch {
        return fail('internal')
      }
      if (verdict !== true) return fail(verdict)
      const memberId = asking
      stream.off('close', onClose)
      settle({ ok: true, memberId, provisional: true })
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
      if (settled || asking !== null) return
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
      if (!member && opts.admission && channel?.messages[1]) {
        asking = memberId
        channel.messages[1].send(encodeAdmission({ kind: 'ask' }))
        return
      }
      if (!member) return fail('not-member')
      stream.off('close', onClose)
      settle({ ok: true, memberId })
    }

    try {
      channel = Protomux.from(stream).createChannel({
        protocol: AUTH_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage }, { encoding: rawEncoding, onmessage: onadmission }],
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
