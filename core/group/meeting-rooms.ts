/**
 * Where one online group meets over WebRTC (group-online.ts): which transports to use
 * (core/net/transports.ts), through which signaling and ICE servers (the group's setting,
 * webrtc-settings.ts; a device's own `--signal` wins for the signaling server), and which epochs'
 * rooms to meet in (signal-envelope.ts names a room by its epoch key). A member meets in the
 * current epoch's room; a newcomer that has not read governance yet does not know which epoch is
 * current, so it meets in every one it holds (epoch-rooms.ts). After a rotation, or a newcomer's
 * first read of governance, the rooms move; after a facilitator names other servers, the
 * meeting moves to them; with no server named at all, nothing is met over WebRTC.
 */
import type { WebrtcStatus } from '../api/webrtc-views.ts'
import { wipe } from '../crypto/wipe.ts'
import type { GroupSwarm, GroupSwarmOptions } from '../net/group-swarm.ts'
import type { NetworkOptions } from '../net/holepunch-net.ts'
import type { InviteMeetWhere } from '../net/webrtc/invite-meet.ts'
import { DEFAULT_TRANSPORT, usesWebrtc } from '../net/transports.ts'
import type { GroupSpace } from './group-space.ts'
import type { IceServerSetting, WebrtcSetting } from './webrtc-settings.ts'

type RoomSpace = Pick<GroupSpace, 'groupId' | 'governance' | 'own' | 'currentEpoch' | 'heldEpochs' | 'epochKey'>

export class MeetingRooms {
  /** The epochs whose WebRTC rooms we meet in (joined with commas); null while not meeting over WebRTC. */
  private epochs: string | null = null
  /** The servers we meet through (as one comparable string); null while not meeting over WebRTC. */
  private servers: string | null = null
  private device: string | undefined
  private webrtc = false
  private swarm: GroupSwarm | null = null
  /** Where ICE binds and who makes the peer connections: this device's, whatever the servers. */
  private bind: Pick<InviteMeetWhere, 'bindAddress' | 'peers'> = {}

  /** `seed`: what a newcomer's welcome said (join.ts), until it has read governance itself. */
  constructor(private readonly space: RoomSpace, private readonly seed?: WebrtcSetting) {}

  /** The transports to meet on, and WebRTC's servers and rooms when known now; follow() moves them. */
  options(opts: NetworkOptions): Pick<GroupSwarmOptions, 'transport' | 'webrtc'> {
    const transport = opts.transport ?? DEFAULT_TRANSPORT
    this.device = opts.signal?.[0]
    this.webrtc = usesWebrtc(transport)
    if (!this.webrtc) return { transport }
    // Where ICE binds and who makes the peer connections belong to this device, whatever the servers.
    const bind = { ...(opts.host ? { bindAddress: opts.host } : {}), ...(opts.webrtcPeers ? { peers: opts.webrtcPeers } : {}) }
    this.bind = bind
    const where = this.where()
    if (where === null) return { transport, webrtc: bind }
    // Known at the start (the device's --signal, the group's setting, a newcomer's welcome): met from the first moment.
    const epochs = this.roomEpochs()
    this.servers = JSON.stringify(where)
    this.epochs = epochs.join()
    return { transport, webrtc: { ...bind, url: where.url, iceServers: where.ice, epochKeys: epochs.map((e) => this.space.epochKey(e)) } }
  }

  /** Moves the swarm's WebRTC meeting when the servers or the epochs to meet in changed. */
  follow(swarm: GroupSwarm | null): void {
    this.swarm = swarm
    if (!this.webrtc || !swarm) return
    const where = this.where()
    if (where === null) {
      if (this.servers !== null) swarm.setWebrtc(null)
      this.servers = this.epochs = null
      return
    }
    const epochs = this.roomEpochs()
    const servers = JSON.stringify(where)
    if (servers === this.servers && epochs.join() === this.epochs) return
    this.servers = servers
    this.epochs = epochs.join()
    const keys = epochs.map((e) => this.space.epochKey(e))
    swarm.setWebrtc({ url: where.url, iceServers: where.ice, epochKeys: keys })
    for (const k of keys) wipe(k)
  }

  /** Through which server this node meets over WebRTC now, or null. */
  status(): WebrtcStatus | null {
    const at = this.swarm?.webrtcServer()
    if (!at) return null
    return { server: at.url, from: at.url === this.device ? 'device' : 'group', signaling: at.signaling, meeting: at.counts }
  }

  /** Where this node answers invites over WebRTC (invite-hosting.ts): where it meets the group, or null. */
  inviteWhere(): InviteMeetWhere | null {
    const where = this.webrtc ? this.where() : null
    return where && { url: where.url, iceServers: where.ice, ...this.bind }
  }

  /** The device's own server, else the group's first; the group's ICE servers. */
  private where(): { url: string; ice: IceServerSetting[] } | null {
    const gov = this.space.groupId ? this.space.governance : null
    // The group's setting once a facilitator made one; until then the seed: the welcome's, or the
    // server a newcomer was let in through when the group names none (invitations.ts).
    const setting = gov && gov.webrtc.current.by !== null ? gov.webrtc.current : this.seed
    const url = this.device ?? setting?.signal[0]
    return url === undefined ? null : { url, ice: setting?.ice ?? [] }
  }

  /** The current epoch; a newcomer that has not read governance, every one it holds. */
  private roomEpochs(): number[] {
    const gov = this.space.groupId ? this.space.governance : null
    return gov?.knowsLog(this.space.own.key) ? [this.space.currentEpoch] : this.space.heldEpochs()
  }
}
