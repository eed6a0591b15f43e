/**
 * The page's side of the relay's backpressure (renderer/lib/rtc-relay.ts), with a stand-in for
 * the browser's RTCPeerConnection whose channel drains only when told: the page reports what has
 * left the channel (never what is still queued), reports again at `bufferedamountlow`, and ends a
 * connection rather than queue past MAX_BUFFERED_BYTES or drop a frame. The relay with a real
 * data channel is in page-relay.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { RtcFromPage, RtcToPage } from '../../../core/api.ts'
import { LOW_BYTES, MAX_BUFFERED_BYTES, startRtcRelay, type Channel, type Peer, type PeerCtor } from '../../../renderer/lib/rtc-relay.ts'

class StuckChannel implements Channel {
  binaryType = 'blob'
  readyState = 'open'
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((e: { data: unknown }) => void) | null = null
  onbufferedamountlow: (() => void) | null = null
  sent = 0
  closed = false
  send(data: Uint8Array): void {
    this.sent += data.byteLength
    this.bufferedAmount += data.byteLength
  }
  close(): void {
    this.closed = true
  }
  drain(to: number): void {
    this.bufferedAmount = to
    this.onbufferedamountlow?.()
  }
}

const channels: StuckChannel[] = []
class StandIn implements Peer {
  connectionState = 'new'
  localDescription = { sdp: 'v=0' }
  onicecandidate = null
  onconnectionstatechange = null
  ondatachannel = null
  createDataChannel(): Channel {
    const c = new StuckChannel()
    channels.push(c)
    return c
  }
  createOffer = async (): Promise<{ type: 'offer'; sdp: string }> => ({ type: 'offer', sdp: 'v=0' })
  createAnswer = async (): Promise<{ type: 'answer'; sdp: string }> => ({ type: 'answer', sdp: 'v=0' })
  setLocalDescription = async (): Promise<void> => undefined
  setRemoteDescription = async (): Promise<void> => undefined
  addIceCandidate = async (): Promise<void> => undefined
  close(): void {}
}

const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('the page relay’s pace', () => {
  it('reports only what left the channel, again when it drains, and ends the connection at its bound', async () => {
    let toPage: (m: RtcToPage) => void = () => undefined
    const told: RtcFromPage[] = []
    startRtcRelay({ rtcRelay: async (m: RtcFromPage) => (told.push(m), { ok: true as const, value: { relayed: true as const } }), on: ((_e: string, h: (m: RtcToPage) => void) => ((toPage = h), () => undefined)) as never }, StandIn as unknown as PeerCtor)
    toPage({ kind: 'create', peer: 1, iceServers: [], offer: true })
    const ch = channels.at(-1) as StuckChannel
    expect(ch.bufferedAmountLowThreshold).toBe(LOW_BYTES)
    const frame = new Uint8Array(64 * 1024)
    const reports = (): number[] => told.flatMap((m) => (m.kind === 'sent' ? [m.bytes] : []))

    for (let i = 0; i < 16; i++) toPage({ kind: 'send', peer: 1, frame })
    await turn()
    // All 1 MiB is still in the channel's buffer: nothing has left it, so nothing is reported.
    expect(reports()).toEqual([])
    ch.drain(LOW_BYTES)
    await turn()
    expect(reports()).toEqual([16 * frame.length - LOW_BYTES])

    // A node that kept sending regardless: the frame that would pass the bound is not queued and
    // not dropped; the connection ends and the node hears it failed.
    for (let i = 0; i < 2 * (MAX_BUFFERED_BYTES / frame.length) && !ch.closed; i++) toPage({ kind: 'send', peer: 1, frame })
    expect(ch.closed).toBe(true)
    expect(ch.bufferedAmount).toBeLessThanOrEqual(MAX_BUFFERED_BYTES)
    expect(told.at(-1)).toEqual({ kind: 'failed', peer: 1 })
    const before = ch.sent
    toPage({ kind: 'send', peer: 1, frame })
    expect(ch.sent).toBe(before)
  })
})
