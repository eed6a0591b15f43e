/**
 * The admission exchange: member-auth's second message type (member-auth.ts), which closes the
 * "mirror gap". A member M that has not read yet the governance event admitting newcomer N would
 * refuse N as `not-member` until that event reached it from someone else. Instead M asks N to
 * show its admission, and N shows the admitting member's signed `member.admit` event; M checks
 * it against what it knows (the caller's check, core/group/provisional-admission.ts) and may let
 * N in provisionally, until its own governance has read that event and decides.
 *
 * Wire layout, version 1 (one Protomux message of type 1 on the "hearth/member-auth" channel,
 * after both sides' type-0 proofs; raw bytes):
 *   offset  size  field
 *   0       1     version = 0x01
 *   1       1     kind: 0x01 ASK  "show me your admission"          (no body)
 *                       0x02 NONE "I have none to show you"         (no body)
 *                       0x03 SHOW "here it is"                      (body follows)
 *   2       n     SHOW only: the admission event's payload exactly as governance carries it
 *                 (gov-event.ts: canonical JSON, signed by the admitter), 1..MAX_ADMISSION_BYTES
 *
 * Why no seal or signature of its own: the event is signed by its author (the admitter), it names
 * N's member id, and N has just proved that id on this very connection (the type-0 proof binds
 * it to the handshake hash), so the event cannot be carried by anyone but N, nor into another
 * group (M checks `group`). It travels inside the Noise-encrypted stream, and N shows it only to
 * a peer it has itself authenticated as a member: a stranger never learns N's admission.
 * Who asks: only a side that was about to refuse the other as `not-member`. The common path
 * (both already members to each other) never sends a type-1 message.
 */
import { concatBytes } from '../bytes.ts'

export const ADMISSION_VERSION = 1
/** A member.admit event is a few hundred bytes to a few KiB (join proof, epochs); this bounds a hostile one. */
export const MAX_ADMISSION_BYTES = 16 * 1024

const ASK = 1
const NONE = 2
const SHOW = 3

export type AdmissionMessage = { kind: 'ask' } | { kind: 'none' } | { kind: 'show'; event: Uint8Array }
export type AdmissionFault = 'admission-malformed' | 'admission-oversize' | 'admission-version'

export function encodeAdmission(m: AdmissionMessage): Uint8Array {
  if (m.kind !== 'show') return Uint8Array.of(ADMISSION_VERSION, m.kind === 'ask' ? ASK : NONE)
  return concatBytes([Uint8Array.of(ADMISSION_VERSION, SHOW), m.event])
}

/** Never throws on peer bytes. */
export function decodeAdmission(bytes: Uint8Array): AdmissionMessage | { fault: AdmissionFault } {
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) return { fault: 'admission-malformed' }
  if (bytes.length > 2 + MAX_ADMISSION_BYTES) return { fault: 'admission-oversize' }
  if (bytes[0] !== ADMISSION_VERSION) return { fault: 'admission-version' }
  if (bytes[1] === ASK || bytes[1] === NONE) {
    return bytes.length === 2 ? { kind: bytes[1] === ASK ? 'ask' : 'none' } : { fault: 'admission-malformed' }
  }
  if (bytes[1] !== SHOW || bytes.length === 2) return { fault: 'admission-malformed' }
  return { kind: 'show', event: bytes.slice(2) }
}
