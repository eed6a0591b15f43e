/**
 * Keeper succession, v1 (docs/formats.md "Keeper protocol"): how the keeper learns the group's
 * next access key when an epoch rotation (a removal or a leave) changes it, without learning
 * anything readable, and how a member who was offline through the rotation is let in again.
 *
 *   message 2, succeed (member → keeper), on a connection served under the old key:
 *     0    1   version = 0x01
 *     1   32   old access public key (the one this connection proved)
 *     33  32   new access public key (keeper-wire.ts, from the new epoch key)
 *     65  64   Ed25519 signature by the NEW secret key over
 *                "hearth/keeper-succeed/v1" || keeperKey (32) || old (32) || new (32) || boxes
 *     129  2   n, big-endian, 1 … MAX_SUCCESSOR_BOXES
 *     131 80n  boxes: crypto_box_seal of the new access seed (32) to each remaining member's box key
 *   message 3, answer (keeper → member), after each access and succeed:
 *     0x00            served: this connection is the group's under the key just proved or succeeded to
 *     0x01            unknown: no group under that key here (the member walks back, or registers)
 *     0x02 || succeed retired: that key has a successor; the member opens its box and proves the new key
 *
 * The keeper checks only what it can: the sender proved `old` on this connection, `old` is the
 * group's current key here, and the signature holds for `new` and this keeper (so a succeed sent
 * to one keeper is worthless to another). The first valid successor wins; the old key is retired
 * (refused from then on, its open connections closed). The boxes are the keeper's to hand out,
 * not to open: a box is sealed to a member's box key, which the keeper never learns.
 *
 * Known weakness (docs/decisions.md): a removed member still holds the old key, so it can send a
 * forged successor before any remaining member does. It then reads nothing (new blocks are under
 * the new epoch), but the group is locked out of this keeper until facilitators remove it and add
 * it again. The remover's node sends the true successor at once after writing the rotation.
 */
import { equalBytes } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import { sign, verifySignature } from '../crypto/sign.ts'
import { wipe } from '../crypto/wipe.ts'
import { concatBytes } from '../bytes.ts'
import { accessFromSeed, type AccessKeyPair } from './keeper-wire.ts'

export const SUCCEED_VERSION = 1
export const MAX_SUCCESSOR_BOXES = 256
const BOX_BYTES = 80
const HEAD = 131
const LABEL = new TextEncoder().encode('hearth/keeper-succeed/v1')

export const ANSWER = { served: 0, unknown: 1, retired: 2 } as const
export type Answer = { kind: 'served' } | { kind: 'unknown' } | { kind: 'retired'; succeed: Uint8Array }

/** Codes a keeper gives a succeed it refuses (printed with `{"refused":…}`), one per way it can be wrong. */
export type SucceedRefusal = 'KEEPER_SUCCESSOR_MALFORMED' | 'KEEPER_SUCCESSOR_WRONG_OLD' | 'KEEPER_SUCCESSOR_BAD_SIGNATURE' | 'KEEPER_SUCCESSOR_KNOWN'

/** A succeed message from `old` to `next`, with the new seed sealed to each member's box key. */
export function encodeSucceed(old: Uint8Array, next: AccessKeyPair, nextSeed: Uint8Array, boxKeys: readonly Uint8Array[], keeperKey: Uint8Array): Uint8Array {
  if (boxKeys.length === 0 || boxKeys.length > MAX_SUCCESSOR_BOXES) throw new RangeError(`a successor carries 1 … ${MAX_SUCCESSOR_BOXES} boxes`)
  const boxes = concatBytes(boxKeys.map((k) => sealTo(nextSeed, k, fastProvider)))
  const signature = sign(signed(keeperKey, old, next.publicKey, boxes), next.secretKey, fastProvider)
  const count = Uint8Array.of(boxKeys.length >> 8, boxKeys.length & 0xff)
  return concatBytes([Uint8Array.of(SUCCEED_VERSION), old, next.publicKey, signature, count, boxes])
}

/** Parses a succeed message's shape; null if it is not one. Never throws on peer bytes. */
function parse(m: Uint8Array): { old: Uint8Array; next: Uint8Array; signature: Uint8Array; boxes: Uint8Array; n: number } | null {
  if (!(m instanceof Uint8Array) || m.length < HEAD + BOX_BYTES || m[0] !== SUCCEED_VERSION) return null
  const n = ((m[129] as number) << 8) | (m[130] as number)
  if (n === 0 || n > MAX_SUCCESSOR_BOXES || m.length !== HEAD + n * BOX_BYTES) return null
  return { old: m.subarray(1, 33), next: m.subarray(33, 65), signature: m.subarray(65, 129), boxes: m.subarray(HEAD), n }
}

/**
 * The keeper's check of a succeed received on a connection served under `current` (the access
 * key it proved). Returns the new key (hex), or the code of the refusal.
 */
export function verifySucceed(m: Uint8Array, current: Uint8Array, keeperKey: Uint8Array): { next: string } | { refused: SucceedRefusal } {
  const p = parse(m)
  if (!p) return { refused: 'KEEPER_SUCCESSOR_MALFORMED' }
  if (!equalBytes(p.old, current)) return { refused: 'KEEPER_SUCCESSOR_WRONG_OLD' }
  if (equalBytes(p.next, current)) return { refused: 'KEEPER_SUCCESSOR_KNOWN' }
  try {
    if (!verifySignature(p.signature, signed(keeperKey, p.old, p.next, p.boxes), p.next)) return { refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' }
  } catch {
    return { refused: 'KEEPER_SUCCESSOR_BAD_SIGNATURE' }
  }
  return { next: Buffer.from(p.next).toString('hex') }
}

/**
 * A member's side: the access key a retired key's successor hands us, if one of its boxes opens
 * with our box key, its signature holds for this keeper and `old`, and the seed makes the key it
 * names. Null otherwise (a removed member finds no box of its own).
 */
export function openSuccessor(m: Uint8Array, old: Uint8Array, keeperKey: Uint8Array, box: { publicKey: Uint8Array; secretKey: Uint8Array }): AccessKeyPair | null {
  const p = parse(m)
  if (!p || !equalBytes(p.old, old)) return null
  try {
    if (!verifySignature(p.signature, signed(keeperKey, p.old, p.next, p.boxes), p.next)) return null
  } catch {
    return null
  }
  for (let i = 0; i < p.n; i++) {
    let seed: Uint8Array
    try {
      seed = openSealed(p.boxes.subarray(i * BOX_BYTES, (i + 1) * BOX_BYTES), box.publicKey, box.secretKey, fastProvider)
    } catch {
      continue
    }
    const pair = seed.length === 32 ? accessFromSeed(seed) : null
    wipe(seed)
    if (pair && equalBytes(pair.publicKey, p.next)) return pair
    if (pair) wipe(pair.secretKey)
  }
  return null
}

export function encodeAnswer(a: Answer): Uint8Array {
  return a.kind === 'retired' ? concatBytes([Uint8Array.of(ANSWER.retired), a.succeed]) : Uint8Array.of(ANSWER[a.kind])
}

export function decodeAnswer(m: Uint8Array): Answer | null {
  if (!(m instanceof Uint8Array) || m.length === 0) return null
  if (m.length === 1 && m[0] === ANSWER.served) return { kind: 'served' }
  if (m.length === 1 && m[0] === ANSWER.unknown) return { kind: 'unknown' }
  if (m[0] === ANSWER.retired && parse(m.subarray(1))) return { kind: 'retired', succeed: m.slice(1) }
  return null
}

function signed(keeperKey: Uint8Array, old: Uint8Array, next: Uint8Array, boxes: Uint8Array): Uint8Array {
  if (keeperKey.length !== 32 || old.length !== 32 || next.length !== 32) throw new RangeError('bad keeper-succeed context')
  return concatBytes([LABEL, keeperKey, old, next, boxes])
}
