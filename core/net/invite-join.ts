/**
 * A newcomer's search for a member who answers its invite, on every transport it may use
 * (transports.ts): the invite's topic on the DHT (invite-swarm.ts) and the invite's room on the
 * group's signaling server (webrtc/invite-meet.ts), at once. The first member to admit on either
 * decides; the other search stops then. Refusals from both count together (join-answers.ts).
 *
 * The signaling address does not travel in the invite code (docs/decisions.md, 2026-12-06 "Joining
 * by invite over WebRTC"): the newcomer is given it beside the code (`hearth join --signal URL`,
 * `joinGroup { signal }`). On WebRTC alone without one there is nowhere to look, which is said
 * at once rather than after the wait.
 */
import { errors, HearthError } from '../errors.ts'
import type { NetworkOptions } from './holepunch-net.ts'
import { joinViaInvite, type JoinProgress } from './invite-swarm.ts'
import { JoinAnswers, type Answered } from './join-answers.ts'
import { DEFAULT_TRANSPORT, usesHyperswarm, usesWebrtc } from './transports.ts'
import { joinOverWebrtc } from './webrtc/invite-meet.ts'

export interface InviteSearch {
  invitePublicKey: Uint8Array
  topic: Uint8Array
  /** The group's signaling server, as given with the code; else the device's own `--signal`. */
  signal?: string
  proofFor(groupId: string, challenge: string): Uint8Array
  /** Whether an admission's welcome opens for us (join-answers.ts); one that does not is no admission. */
  opens?(sealed: Uint8Array, groupId: string): boolean
  timeoutMs: number
  onProgress?(p: JoinProgress): void
  /** Ends the search (another way answered: the keeper's mailbox, join-race.ts). */
  stop?: AbortSignal
  /** After the DHT's first lookup is over (invite-swarm.ts); never on WebRTC alone. */
  onLooked?(): void
}

export async function joinByInvite(net: NetworkOptions, o: InviteSearch): Promise<Answered> {
  const transport = net.transport ?? DEFAULT_TRANSPORT
  const url = o.signal ?? net.signal?.[0]
  const stop = new AbortController()
  if (o.stop?.aborted) stop.abort()
  o.stop?.addEventListener('abort', () => stop.abort(), { once: true })
  // One tally for both ways: a refusal on one is not final while the other may still admit.
  const common = { proofFor: o.proofFor, timeoutMs: o.timeoutMs, stop: stop.signal, answers: new JoinAnswers(o.opens), ...(o.onProgress ? { onProgress: o.onProgress } : {}) }
  const ways: Promise<Answered>[] = []
  if (usesHyperswarm(transport)) ways.push(joinViaInvite(net, { ...common, topic: o.topic, ...(o.onLooked ? { onLooked: o.onLooked } : {}) }))
  if (usesWebrtc(transport) && url !== undefined) {
    ways.push(joinOverWebrtc({ url, ...(net.host ? { bindAddress: net.host } : {}), ...(net.webrtcPeers ? { peers: net.webrtcPeers } : {}) }, { ...common, invitePublicKey: o.invitePublicKey }))
  }
  if (!ways.length) throw errors.INVALID_INPUT('joining over WebRTC alone needs the group’s signaling address (ws:// or wss://), given with the code')
  try {
    return await Promise.any(ways)
  } catch (e) {
    // Every way failed: the first coded reason (a DHT that would not start says more than a wait that ended).
    const all = e instanceof AggregateError ? (e.errors as unknown[]) : [e]
    throw all.find((x) => x instanceof HearthError && x.code !== 'NO_MEMBER_REACHABLE') ?? all[0]
  } finally {
    stop.abort()
  }
}
