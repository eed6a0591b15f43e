/**
 * The node's end of the WebRTC relay (core/net/webrtc/page-peers.ts), alone: what it asks the
 * page, in which order, and what it keeps from the page. Each test fails if its rule is removed.
 */
import { describe, expect, it } from 'vitest'
import type { RtcToPage } from '../../../core/api.ts'
import { MAX_PAGE_PEERS, MAX_UNSENT_BYTES, PagePeers } from '../../../core/net/webrtc/page-peers.ts'
import type { RtcChannel, RtcPeerState } from '../../../core/net/webrtc/rtc-peers.ts'

const LOOP = 'candidate:1 1 UDP 2114977791 127.0.0.1 52159 typ host'
const OTHER = 'candidate:2 1 UDP 2114977791 192.0.2.2 52160 typ host'
const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

function relay() {
  const sent: RtcToPage[] = []
  return { sent, peers: new PagePeers((m) => sent.push(m)) }
}

/** A connection whose channel the page says is open: the node's end of it. */
async function openChannel(peers: PagePeers): Promise<RtcChannel> {
  let channel: RtcChannel | null = null
  peers.create({ iceServers: [] }).onChannel((c) => (channel = c))
  await turn()
  peers.receive({ kind: 'channel-open', peer: 1 })
  if (!channel) throw new Error('no channel')
  return channel
}

describe('PagePeers', () => {
  it('asks the page to make a connection before handing it the offer that answers it', () => {
    const { sent, peers } = relay()
    const pc = peers.create({ iceServers: [] })
    pc.setRemoteDescription('v=0 offer', 'offer')
    expect(sent.map((m) => m.kind)).toEqual(['create', 'remote-description'])
    expect(sent[0]).toMatchObject({ kind: 'create', offer: false })
  })

  it('asks an offering connection to offer, once', async () => {
    const { sent, peers } = relay()
    peers.create({ iceServers: [{ url: 'stun:example.org' }, { url: 'turn:relay.example.org?transport=tcp', username: 'u', credential: 'c' }] }).createChannel()
    await turn()
    expect(sent).toEqual([{ kind: 'create', peer: 1, iceServers: [{ urls: 'stun:example.org' }, { urls: 'turn:relay.example.org?transport=tcp', username: 'u', credential: 'c' }], offer: true }])
  })

  it('keeps candidates to the node’s bind address, both ways', async () => {
    const { sent, peers } = relay()
    const pc = peers.create({ iceServers: [], bindAddress: '127.0.0.1' })
    const local: string[] = []
    pc.onLocalCandidate((c) => local.push(c))
    pc.addRemoteCandidate(OTHER, '0')
    pc.addRemoteCandidate(`a=${LOOP}`, '0')
    await turn()
    peers.receive({ kind: 'local-candidate', peer: 1, candidate: OTHER, mid: '0' })
    peers.receive({ kind: 'local-candidate', peer: 1, candidate: LOOP, mid: '0' })
    expect(sent.filter((m) => m.kind === 'remote-candidate').map((m) => (m as { candidate: string }).candidate)).toEqual([`a=${LOOP}`])
    expect(local).toEqual([LOOP])
  })

  it('hands over a channel whose writes go to the page as frames and whose frames come back', async () => {
    const { sent, peers } = relay()
    const pc = peers.create({ iceServers: [] })
    let channel: RtcChannel | null = null
    pc.onChannel((c) => (channel = c))
    await turn()
    peers.receive({ kind: 'channel-open', peer: 1 })
    const got: Uint8Array[] = []
    channel!.onMessage((m) => got.push(m))
    const mine = new Uint8Array([9, 8, 7])
    expect(channel!.sendBinary(mine)).toBe(true)
    mine[0] = 0
    expect(sent.at(-1)).toEqual({ kind: 'send', peer: 1, frame: new Uint8Array([9, 8, 7]) })
    peers.receive({ kind: 'frames', peer: 1, frames: [new Uint8Array([1]), new Uint8Array([2])] })
    expect(got).toEqual([new Uint8Array([1]), new Uint8Array([2])])
    let closed = false
    channel!.onClosed(() => (closed = true))
    pc.close()
    expect(closed).toBe(true)
    expect(channel!.sendBinary(mine)).toBe(false)
    expect(sent.at(-1)).toEqual({ kind: 'close', peer: 1 })
  })

  it('ignores the page about connections it did not ask for, or closed', async () => {
    const { peers } = relay()
    const pc = peers.create({ iceServers: [] })
    const states: RtcPeerState[] = []
    pc.onStateChange((s) => states.push(s))
    peers.receive({ kind: 'state', peer: 2, state: 'connected' })
    pc.close()
    peers.receive({ kind: 'state', peer: 1, state: 'connected' })
    expect(states).toEqual([])
  })

  it('refuses a connection past its bound with a failed state, asking the page nothing', async () => {
    const { sent, peers } = relay()
    for (let i = 0; i < MAX_PAGE_PEERS; i++) peers.create({ iceServers: [] })
    await turn()
    sent.length = 0
    const states: RtcPeerState[] = []
    const extra = peers.create({ iceServers: [] })
    extra.onStateChange((s) => states.push(s))
    extra.setRemoteDescription('v=0 offer', 'offer')
    await turn()
    expect(states).toEqual(['failed'])
    expect(sent).toEqual([])
  })

  it('counts what the page has not passed on as buffered, and says when it has drained to the low mark', async () => {
    const { sent, peers } = relay()
    const ch = await openChannel(peers)
    let lows = 0
    ch.setBufferedAmountLowThreshold(1000)
    ch.onBufferedAmountLow(() => lows++)
    for (let i = 0; i < 3; i++) ch.sendBinary(new Uint8Array(1000))
    expect(ch.bufferedAmount()).toBe(3000)
    peers.receive({ kind: 'sent', peer: 1, bytes: 1500 })
    expect([ch.bufferedAmount(), lows]).toEqual([1500, 0])
    peers.receive({ kind: 'sent', peer: 1, bytes: 2000 })
    expect([ch.bufferedAmount(), lows]).toEqual([1000, 1])
    // A page's total that goes back, or past what it was handed, moves nothing the wrong way.
    peers.receive({ kind: 'sent', peer: 1, bytes: 10 })
    peers.receive({ kind: 'sent', peer: 1, bytes: 99_999 })
    expect([ch.bufferedAmount(), lows]).toEqual([0, 1])
    expect(sent.filter((m) => m.kind === 'send')).toHaveLength(3)
  })

  it('closes the channel rather than queue past its bound for a page that stopped reporting', async () => {
    const { sent, peers } = relay()
    const ch = await openChannel(peers)
    let closed = false
    ch.onClosed(() => (closed = true))
    const piece = new Uint8Array(64 * 1024)
    let accepted = 0
    while (ch.sendBinary(piece)) accepted += piece.length
    expect(accepted).toBe(MAX_UNSENT_BYTES)
    expect(closed).toBe(true)
    expect(sent.at(-1)).toEqual({ kind: 'close', peer: 1 })
    expect(sent.filter((m) => m.kind === 'send')).toHaveLength(MAX_UNSENT_BYTES / piece.length)
  })
})
