/**
 * Which transports a group node meets its members on, and the one-connection rule across them.
 *
 * A member's node reachable both ways (Hyperswarm and WebRTC) would otherwise hold two
 * authenticated connections to the same device: two replication streams, and the member shown
 * twice. Both ends know the device behind a connection by its Noise public key (the same swarm
 * key pair serves both transports, group-swarm.ts), so when a second connection to a key is
 * authenticated, one is closed, by a rule both ends apply alike without a word between them:
 * Hyperswarm is kept over WebRTC (it needs no third party, and it is the connection the other
 * end keeps too). Two of the same transport are left to that transport: Hyperswarm keeps one per
 * key by its own rule, and a WebRTC meeting keeps one peer connection per session; a second rule
 * of ours there could pick the other one of the pair and close both.
 */
export type Transport = 'hyperswarm' | 'webrtc'
export type TransportChoice = Transport | 'both'

export const TRANSPORT_CHOICES: readonly TransportChoice[] = ['hyperswarm', 'webrtc', 'both']

export function usesHyperswarm(choice: TransportChoice): boolean {
  return choice !== 'webrtc'
}

export function usesWebrtc(choice: TransportChoice): boolean {
  return choice !== 'hyperswarm'
}

/** Of an authenticated connection to a device and a newer one to the same device, which to close (null: neither). */
export function closeWhich(existing: Transport, incoming: Transport): 'existing' | 'incoming' | null {
  if (existing === incoming) return null
  return incoming === 'webrtc' ? 'incoming' : 'existing'
}

/**
 * The default when the person did not choose: both. WebRTC opens only once a signaling server
 * is named (the group's setting, core/group/webrtc-settings.ts, or the device's `--signal`), and
 * Hearth never uses a public one unless a facilitator names it, so by default this is Hyperswarm
 * alone until the group decides otherwise.
 */
export const DEFAULT_TRANSPORT: TransportChoice = 'both'
