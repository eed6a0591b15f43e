/**
 * The test group: its secret and id, and the actors' seeds. Every process derives the same keys
 * from these, so the parent can tell each child who the members are and which logs exist.
 */
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import type { DhtNodeAddress } from '../../../core/net/holepunch-net.ts'
import type { MemberPeerConfig } from './member-peer.child.ts'
import { hex, logKeyOf, seedOf } from './net-fixture.ts'

export const GROUP_SECRET = seedOf(0x42)
export const GROUP_ID = new Uint8Array(16).fill(0x17)

export interface Actor {
  identitySeed: Uint8Array
  memberId: string
  logSeed: Uint8Array
  logKey: string
}

export function actor(n: number): Actor {
  const identitySeed = seedOf(n)
  const logSeed = seedOf(n + 100)
  return { identitySeed, memberId: hex(identityFromSeed(identitySeed).signPublicKey), logSeed, logKey: hex(logKeyOf(logSeed)) }
}

export const ALICE = actor(1)
export const BOB = actor(2)
/** Holds the group secret (say, a removed member) but governance does not list them. */
export const MALLORY = actor(9)
/** A log in Alice's store that belongs to another group. */
export const ALICE_FOREIGN_LOG_SEED = seedOf(0xf0)

export const MEMBERS = [ALICE.memberId, BOB.memberId]

export function memberConfig(
  who: Actor, bootstrap: DhtNodeAddress[], dir: string, extra: Partial<MemberPeerConfig> = {},
): MemberPeerConfig {
  return {
    bootstrap,
    dir,
    groupSecret: hex(GROUP_SECRET),
    groupId: hex(GROUP_ID),
    identitySeed: hex(who.identitySeed),
    members: MEMBERS,
    logSeed: hex(who.logSeed),
    peerLogs: [],
    ...extra,
  }
}
