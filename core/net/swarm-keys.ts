/**
 * The Noise key pair a group's Hyperswarm uses (DESIGN.md §3.1: nothing links a person's
 * identities across groups).
 *
 * Hyperswarm's key pair is visible to more people than any other key we hold: DHT nodes store it
 * next to the topic in every announcement, and every peer that connects (member or not) sees it
 * before member-auth.ts has said a word. One key pair shared by all of a person's groups would
 * therefore link their memberships for any DHT node or any stranger who knows two topics. So:
 *
 *   - one Hyperswarm (and one HyperDHT node, one UDP port) per group membership;
 *   - its key pair derived here, v1:
 *       seed = BLAKE2b-256(key = membershipSecret, "hearth/swarm-key/v1" || salt(32) || groupId)
 *       key pair = Ed25519 from seed (the form HyperDHT's Noise handshake uses)
 *   - `salt` is fresh random bytes each time the swarm starts (swarmSalt()), so the key also
 *     changes between runs and a stranger watching one topic cannot tell "the same member is
 *     back" from the key. A node that must be dialable by key (the keeper, later) passes a fixed
 *     salt it publishes to the group. Two devices of one member must never share a salt: the same
 *     key on both would make Hyperswarm take the other device for itself and never connect them.
 *
 * membershipSecret is a secret of this membership alone, such as the identity seed: never the
 * group secret, which every member shares (all members would get one key pair).
 *
 * What it does not hide: the IP address. Anyone who sees two announcements from one address can
 * still guess they are one household; only the keeper's private mode (§4) helps with that.
 */
import { concatBytes } from '../bytes.ts'
import { errors } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { randomBytes } from '../crypto/random.ts'
import { wipe } from '../crypto/wipe.ts'
import type { SwarmKeyPair } from './holepunch-net.ts'

export const SWARM_SALT_BYTES = 32
const LABEL = new TextEncoder().encode('hearth/swarm-key/v1')

export function swarmSalt(): Uint8Array {
  return randomBytes(SWARM_SALT_BYTES)
}

export function swarmKeyPair(membershipSecret: Uint8Array, groupId: Uint8Array, salt: Uint8Array): SwarmKeyPair {
  if (!(membershipSecret instanceof Uint8Array) || membershipSecret.length !== 32) throw errors.INVALID_INPUT('a membership secret is 32 bytes')
  if (!(salt instanceof Uint8Array) || salt.length !== SWARM_SALT_BYTES) throw errors.INVALID_INPUT(`a swarm salt is ${SWARM_SALT_BYTES} bytes`)
  if (!(groupId instanceof Uint8Array) || groupId.length === 0 || groupId.length > 64) throw errors.INVALID_INPUT('a group id is 1–64 bytes')
  const seed = keyedHash(membershipSecret, concatBytes([LABEL, salt, groupId]))
  try {
    return fastProvider.signKeyPairFromSeed(seed)
  } finally {
    wipe(seed)
  }
}
