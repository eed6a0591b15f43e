/**
 * The invite's WebRTC room (core/net/webrtc/invite-rooms.ts): the derivation is pinned (checked
 * against Python's hashlib.blake2b when written), it leads neither to the DHT topic nor to the
 * signal key, and the set is bounded. And the members' side listens only (webrtc-meet.ts
 * `listenOnly`): through a real SignalServer, a listening meeting never says hello to the whole
 * room, so two members hosting one invite never meet there; it still answers a newcomer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { inviteTopic } from '../../../core/group/invite-keys.ts'
import { InviteRooms, MAX_INVITE_ROOMS, inviteRoom, inviteSignalKey } from '../../../core/net/webrtc/invite-rooms.ts'
import { openSignal, type SignalBody } from '../../../core/net/webrtc/signal-envelope.ts'
import { SignalServer } from '../../../core/net/webrtc/signal-server.ts'
import { WebrtcMeet } from '../../../core/net/webrtc/webrtc-meet.ts'
import { connectSignal, type RawSignalClient } from '../../integration/net/signal-client.ts'

const PK = Uint8Array.from({ length: 32 }, (_, i) => i)
const key = (n: number): Uint8Array => new Uint8Array(32).fill(n)

describe('the invite room and its signal key', () => {
  it('are pinned, and lead neither to the DHT topic nor to each other', () => {
    // Pinned: a change strands every newcomer holding a code in a room no member listens in.
    expect(inviteRoom(PK)).toBe('e8be1d874f61192c3973198c2ff4a03b4ea44d1e15659b89cf418e6e0452b68c')
    expect(Buffer.from(inviteSignalKey(PK)).toString('hex')).toBe('058bb48978084124c784bcbbde73e114ae49a11e61f3ca2511f10a8ff7d8f641')
    expect(inviteRoom(PK)).not.toBe(Buffer.from(inviteTopic(PK)).toString('hex'))
    expect(inviteRoom(key(1))).not.toBe(inviteRoom(key(2)))
    expect(() => inviteRoom(new Uint8Array(16))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })

  it('a member listens in at most MAX_INVITE_ROOMS rooms, and moves between sets', () => {
    const rooms = new InviteRooms(Array.from({ length: 40 }, (_, i) => key(i + 1)))
    expect(rooms.all()).toHaveLength(MAX_INVITE_ROOMS)
    expect(rooms.set([key(1), key(99)])).toEqual({ left: expect.any(Array), joined: [inviteRoom(key(99))] })
    expect(rooms.all().sort()).toEqual([inviteRoom(key(1)), inviteRoom(key(99))].sort())
    expect(rooms.keyOf(inviteRoom(key(99)))).toEqual(inviteSignalKey(key(99)))
  })
})

describe('a member listening in an invite room', () => {
  let server: SignalServer | null = null
  let watcher: RawSignalClient | null = null
  const meets: WebrtcMeet[] = []
  afterEach(async () => {
    for (const m of meets.splice(0)) m.close()
    await watcher?.close()
    await server?.close()
  })

  it('never says hello to the room, yet answers a newcomer’s hello', async () => {
    server = await SignalServer.listen()
    const room = inviteRoom(PK)
    watcher = await connectSignal(server.url)
    watcher.send({ type: 'subscribe', topics: [room] })
    await watcher.sync()
    const bodies: SignalBody[] = []
    let answered: () => void = () => undefined
    const answer = new Promise<void>((resolve) => (answered = resolve))
    const options = { url: server.url, bindAddress: '127.0.0.1', onChannel: () => undefined }
    const member = await WebrtcMeet.open({ ...options, rooms: new InviteRooms([PK]), listenOnly: true })
    meets.push(member)
    watcher.ws.on('message', (d: Buffer) => {
      const f = JSON.parse(d.toString('utf8')) as { type?: string; data?: unknown }
      const body = f.type === 'publish' ? openSignal(inviteSignalKey(PK), f.data) : null
      if (!body) return
      bodies.push(body)
      // The member's answer to the newcomer: everything the member sent before it has arrived.
      if (body.from === member.peerId && body.to !== undefined) answered()
    })
    member.refresh()
    member.refresh()
    const newcomer = await WebrtcMeet.open({ ...options, rooms: new InviteRooms([PK]) })
    meets.push(newcomer)
    await answer
    expect(bodies.filter((b) => b.from === member.peerId && b.to === undefined)).toEqual([])
    expect(bodies.some((b) => b.from === newcomer.peerId && b.kind === 'hello' && b.to === undefined)).toBe(true)
  })
})
