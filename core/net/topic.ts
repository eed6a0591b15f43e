/**
 * The group's swarm topic (DESIGN.md §4): where members announce themselves and look each other
 * up on the DHT.
 *
 * Derivation v1 (pinned by test/unit/net/topic.test.ts):
 *   topic = BLAKE2b-256(key = groupSecret (32 bytes), message = "hearth/group-topic/v1")
 *
 * Why keyed by the group secret and nothing public: DHT nodes see the topic in clear, and anyone
 * who can compute it can find the members' addresses and knock on their door. A topic made from
 * the group id (which governance events carry) or from a log key would hand that to every keeper,
 * every log holder and every old export. The domain string keeps the topic unrelated to any other
 * value keyed by the same secret (member-auth.ts derives its sealing key from it too).
 *
 * A topic is public once announced, so it must not be reused as a secret: knowing it gives a
 * peer nothing but the right to be refused (member-auth.ts).
 */
import { errors } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'

export const GROUP_SECRET_BYTES = 32
export const TOPIC_BYTES = 32

const TOPIC_LABEL = new TextEncoder().encode('hearth/group-topic/v1')

export function groupTopic(groupSecret: Uint8Array): Uint8Array {
  requireGroupSecret(groupSecret)
  return keyedHash(groupSecret, TOPIC_LABEL, TOPIC_BYTES)
}

export function requireGroupSecret(groupSecret: Uint8Array): void {
  if (!(groupSecret instanceof Uint8Array) || groupSecret.length !== GROUP_SECRET_BYTES) {
    throw errors.INVALID_INPUT(`a group secret is ${GROUP_SECRET_BYTES} bytes`)
  }
}
