/**
 * The join exchange over WebRTC (issue 16): a newcomer whose network blocks UDP meets a member of
 * the group in the invite's room on the group's signaling server (invite-rooms.ts), and over the
 * data channel they run exactly what they run on the DHT's invite topic (invite-swarm.ts): a
 * Noise stream with a fresh random key pair on each side (an invite connection must not show the
 * key a member uses on the group topic), then the join exchange (join-exchange.ts).
 *
 * Members listen only (WebrtcMeet `listenOnly`): they never say hello to the room, so two members
 * hosting the same invite never meet each other there; they answer the newcomer's hello. The
 * newcomer says hello again with the DHT joiner's backoff (rendezvous.ts) until a member answers,
 * so it is found by a member who comes online after it.
 */
import { randomBytes } from '../../crypto/random.ts'
import { fastProvider } from '../../crypto/provider-sodium.ts'
import { errors } from '../../errors.ts'
import type { IceServerSetting } from '../../group/webrtc-settings.ts'
import { JoinAnswers, type Answered } from '../join-answers.ts'
import { hostJoin, requestJoin, type JoinAnswer } from '../join-exchange.ts'
import { backoffMs } from '../rendezvous.ts'
import { noiseOverChannel } from './channel-stream.ts'
import { InviteRooms } from './invite-rooms.ts'
import type { RtcPeerFactory } from './rtc-peers.ts'
import { WebrtcMeet } from './webrtc-meet.ts'

/** Where the meeting happens: the signaling server, ICE servers, the bind address, who makes peer connections. */
export interface InviteMeetWhere {
  url: string
  iceServers?: IceServerSetting[]
  bindAddress?: string
  peers?: RtcPeerFactory
}

const freshKeyPair = (): ReturnType<typeof fastProvider.signKeyPairFromSeed> => fastProvider.signKeyPairFromSeed(randomBytes(32))

function meetOptions(where: InviteMeetWhere): InviteMeetWhere {
  return { url: where.url, ...(where.iceServers ? { iceServers: where.iceServers } : {}), ...(where.bindAddress ? { bindAddress: where.bindAddress } : {}), ...(where.peers ? { peers: where.peers } : {}) }
}

/** The member side: answers join requests in the rooms of the group's live invites. */
export class WebrtcInviteHost {
  private readonly meet: WebrtcMeet
  readonly url: string

  constructor(where: InviteMeetWhere, opts: { groupId: string; newChallenge(): string; decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer | null>; onEvent?(code: string): void }) {
    this.url = where.url
    this.meet = WebrtcMeet.start({
      ...meetOptions(where), rooms: new InviteRooms([]), listenOnly: true,
      ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
      onChannel: ({ stream, initiator }) => {
        const conn = noiseOverChannel(stream, initiator, freshKeyPair())
        const challenge = opts.newChallenge()
        void hostJoin(conn, { groupId: opts.groupId, challenge, decide: (proof) => opts.decide(proof, challenge) })
      },
    })
  }

  /** Listens in exactly these invites' rooms (invite public keys), leaving the others. */
  setInvites(publicKeys: Uint8Array[]): void {
    this.meet.setRooms(publicKeys)
  }

  /** STUN/TURN servers for meetings from now on (the group's setting changed). */
  setIceServers(servers: IceServerSetting[]): void {
    this.meet.setIceServers(servers)
  }

  close(): void {
    this.meet.close()
  }
}

/**
 * The newcomer's side: says hello in the invite's room until a member answers, and runs the
 * exchange with every member whose channel opens, until one admits (or answers "pending"). A
 * refusal is kept (join-answers.ts) and the search goes on; here a member answers over a fresh key
 * each time, so every refusal in a room counts as one member's. A dropped connection is no answer.
 * Ends after `timeoutMs` with the refusals kept, else NO_MEMBER_REACHABLE, or when `stop` fires.
 */
export async function joinOverWebrtc(
  where: InviteMeetWhere,
  opts: { invitePublicKey: Uint8Array; proofFor(groupId: string, challenge: string): Uint8Array; timeoutMs: number; stop?: AbortSignal; onProgress?(p: 'looking' | 'looking again' | 'connected'): void; onEvent?(code: string): void; answers?: JoinAnswers },
): Promise<Answered> {
  const answers = opts.answers ?? new JoinAnswers()
  let settle: (e: Error | null, o?: Answered) => void = () => undefined
  const done = new Promise<Answered>((resolve, reject) => {
    settle = (e, o) => (e ? reject(e) : resolve(o as Answered))
  })
  const meet = WebrtcMeet.start({
    ...meetOptions(where), rooms: new InviteRooms([opts.invitePublicKey]),
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
    onChannel: ({ stream, initiator }) => {
      opts.onProgress?.('connected')
      answers.begin()
      void requestJoin(noiseOverChannel(stream, initiator, freshKeyPair()), { proofFor: opts.proofFor }).then((o) => {
        const final = answers.end('webrtc', o)
        if (final) settle(null, final)
      })
    },
  })
  const started = Date.now()
  let looks = 0
  let ticker: NodeJS.Timeout | null = null
  const look = (): void => {
    if (looks > 0) {
      opts.onProgress?.('looking again')
      meet.refresh()
    }
    ticker = setTimeout(look, backoffMs(looks++, Date.now() - started))
  }
  const timer = setTimeout(() => {
    const refused = answers.answer()
    settle(refused ? null : errors.NO_MEMBER_REACHABLE('no member answered in time'), refused ?? undefined)
  }, opts.timeoutMs)
  const onStop = (): void => settle(errors.NO_MEMBER_REACHABLE('the join ended another way'))
  opts.stop?.addEventListener('abort', onStop)
  try {
    opts.onProgress?.('looking')
    look()
    return await done
  } finally {
    clearTimeout(timer)
    if (ticker) clearTimeout(ticker)
    opts.stop?.removeEventListener('abort', onStop)
    meet.close()
  }
}
