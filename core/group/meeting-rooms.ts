/**
 * Where one online group meets over WebRTC (group-online.ts): which transports to use
 * (core/net/transports.ts), and which epochs' rooms to meet in (signal-envelope.ts names a room
 * by its epoch key). A member meets in the current epoch's room; a newcomer that has not read
 * governance yet does not know which epoch is current, so it meets in every one it holds
 * (epoch-rooms.ts). After a rotation, or a newcomer's first read of governance, the rooms move.
 *
 * Moved out of group-online.ts unchanged (2026-12-06), to keep that file to its logs.
 */
import { wipe } from '../crypto/wipe.ts'
import type { GroupSwarm, GroupSwarmOptions } from '../net/group-swarm.ts'
import type { NetworkOptions } from '../net/holepunch-net.ts'
import { defaultTransport, usesWebrtc } from '../net/transports.ts'
import type { GroupSpace } from './group-space.ts'

type RoomSpace = Pick<GroupSpace, 'groupId' | 'governance' | 'own' | 'currentEpoch' | 'heldEpochs' | 'epochKey'>

export class MeetingRooms {
  /** The epochs whose WebRTC rooms we meet in (joined with commas); null without WebRTC. */
  private epochs: string | null = null

  constructor(private readonly space: RoomSpace) {}

  /** The transports to meet on, and for WebRTC where and in which epoch's room. */
  options(opts: NetworkOptions): Pick<GroupSwarmOptions, 'transport' | 'webrtc'> {
    const transport = opts.transport ?? defaultTransport(opts.signal ?? [])
    const url = opts.signal?.[0]
    if (!usesWebrtc(transport) || url === undefined) return { transport }
    const epochs = this.roomEpochs()
    this.epochs = epochs.join()
    return { transport, webrtc: { url, epochKeys: epochs.map((e) => this.space.epochKey(e)), ...(opts.host ? { bindAddress: opts.host } : {}), ...(opts.webrtcPeers ? { peers: opts.webrtcPeers } : {}) } }
  }

  /** Moves the swarm's rooms when the epochs to meet in changed; nothing without WebRTC. */
  follow(swarm: GroupSwarm | null): void {
    if (this.epochs === null || !swarm) return
    const epochs = this.roomEpochs()
    if (epochs.join() === this.epochs) return
    this.epochs = epochs.join()
    const keys = epochs.map((e) => this.space.epochKey(e))
    swarm.setEpochKeys(keys)
    for (const k of keys) wipe(k)
  }

  /** The current epoch; a newcomer that has not read governance, every one it holds. */
  private roomEpochs(): number[] {
    const gov = this.space.groupId ? this.space.governance : null
    return gov?.knowsLog(this.space.own.key) ? [this.space.currentEpoch] : this.space.heldEpochs()
  }
}
