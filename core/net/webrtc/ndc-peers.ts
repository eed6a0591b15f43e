/**
 * Peer connections made in this process by node-datachannel 0.33.4 (libdatachannel): the
 * RtcPeerFactory (rtc-peers.ts) of the CLI, the keeper and the tests, and the default.
 *
 * Every data channel holds Node's event loop open through a thread-safe callback that is let go
 * only when libdatachannel reports the channel closed AND a closed callback is registered. A
 * channel that never opened (an offer nobody answered, a peer held apart or timed out first) and
 * was only dropped with its peer connection never reports it: the process could not end by itself
 * (a `hearth serve` that lived on after it stopped). So each channel gets a closed callback at
 * once and is closed itself before its connection; both are needed (test: ndc-exit.test.ts).
 */
import nodeDataChannel, { type DataChannel } from 'node-datachannel'
import { iceServersFor } from './ice-servers.ts'
import type { RtcChannel, RtcPeer, RtcPeerFactory, RtcPeerOptions, RtcPeerState } from './rtc-peers.ts'

function channelOf(dc: DataChannel): RtcChannel {
  return {
    sendBinary: (m) => dc.sendMessageBinary(m),
    bufferedAmount: () => dc.bufferedAmount(),
    setBufferedAmountLowThreshold: (n) => dc.setBufferedAmountLowThreshold(n),
    onBufferedAmountLow: (fn) => dc.onBufferedAmountLow(fn),
    onMessage: (fn) => dc.onMessage((m) => fn(typeof m === 'string' ? Buffer.from(m, 'utf8') : Buffer.from(m as ArrayBuffer))),
    onClosed: (fn) => dc.onClosed(fn),
    onError: (fn) => dc.onError(() => fn()),
    close: () => dc.close(),
  }
}

function peerOf(opts: RtcPeerOptions): RtcPeer {
  const pc = new nodeDataChannel.PeerConnection('hearth', {
    iceServers: iceServersFor(opts.iceServers),
    ...(opts.bindAddress ? { bindAddress: opts.bindAddress } : {}),
  })
  let onChannel: (c: RtcChannel) => void = (c) => c.close()
  const channels = new Set<DataChannel>()
  const track = (dc: DataChannel): DataChannel => {
    channels.add(dc)
    dc.onClosed(() => channels.delete(dc))
    return dc
  }
  return {
    setRemoteDescription: (sdp, type) => pc.setRemoteDescription(sdp, type),
    addRemoteCandidate: (candidate, mid) => pc.addRemoteCandidate(candidate, mid),
    createChannel() {
      const dc = track(pc.createDataChannel('hearth'))
      dc.onOpen(() => onChannel(channelOf(dc)))
    },
    onLocalDescription: (fn) => pc.onLocalDescription((sdp, type) => fn(sdp, type === 'offer' ? 'offer' : 'answer')),
    onLocalCandidate: (fn) => pc.onLocalCandidate(fn),
    onStateChange: (fn) => pc.onStateChange((s) => fn(s as RtcPeerState)),
    onChannel(fn) {
      onChannel = fn
      pc.onDataChannel((dc) => (track(dc).isOpen() ? fn(channelOf(dc)) : dc.onOpen(() => fn(channelOf(dc)))))
    },
    close() {
      for (const dc of channels) dc.close()
      channels.clear()
      pc.close()
    },
  }
}

export const ndcPeers: RtcPeerFactory = { create: peerOf }
