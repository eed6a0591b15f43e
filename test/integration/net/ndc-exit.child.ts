/**
 * Child for ndc-exit.test.ts: makes node-datachannel peer connections through ndcPeers, closes
 * them, prints `closed` and then does nothing: it must end by itself (no process.exit).
 *   unanswered  one peer offers a channel nobody answers, then closes
 *   opened      two peers, signalled to each other here, open a channel, then both close
 */
import { ndcPeers } from '../../../core/net/webrtc/ndc-peers.ts'
import type { RtcPeer } from '../../../core/net/webrtc/rtc-peers.ts'

const mode = process.argv[2]
const peer = (): RtcPeer => {
  const p = ndcPeers.create({ iceServers: [], bindAddress: '127.0.0.1' })
  p.onStateChange(() => undefined)
  return p
}

if (mode === 'unanswered') {
  const a = peer()
  a.onLocalCandidate(() => undefined)
  a.onChannel(() => undefined)
  const described = new Promise<void>((resolve) => a.onLocalDescription(() => resolve()))
  a.createChannel()
  await described
  a.close()
} else {
  const a = peer()
  const b = peer()
  a.onLocalDescription((sdp, type) => b.setRemoteDescription(sdp, type))
  b.onLocalDescription((sdp, type) => a.setRemoteDescription(sdp, type))
  a.onLocalCandidate((c, mid) => b.addRemoteCandidate(c, mid))
  b.onLocalCandidate((c, mid) => a.addRemoteCandidate(c, mid))
  const open = (p: RtcPeer): Promise<void> => new Promise((resolve) => p.onChannel(() => resolve()))
  const both = Promise.all([open(a), open(b)])
  a.createChannel()
  await both
  a.close()
  b.close()
}
process.stdout.write('closed\n')
