/**
 * Where the group meets over WebRTC as governance decides it (core/group/webrtc-settings.ts):
 * none by default, facilitators only (a member's event is refused by every peer's replay, not
 * only by the API), addresses checked with coded errors, the event's shape pinned, the ICE
 * servers in node-datachannel's form (core/net/webrtc/ice-servers.ts), and the welcome that
 * carries the setting to a newcomer (core/group/join.ts, version 3).
 */
import { describe, expect, it } from 'vitest'
import { openEvent, signEvent, type SignedEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { Governance } from '../../../core/group/governance.ts'
import { checkWebrtcSetting, WEBRTC_MAX_SERVERS } from '../../../core/group/webrtc-settings.ts'
import { iceServersFor } from '../../../core/net/webrtc/ice-servers.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { admitEvent, genesisEvent, hex, identity, idOf, type SignedGenesis } from './support.ts'

const rnd = seededRandom(testSeed())
const fay = identity(rnd)
const bob = identity(rnd)
const fayLog = hex(rnd.bytes(32))
const bobLog = hex(rnd.bytes(32))
const genesis = signEvent(genesisEvent(fay, fayLog), fay.signSecretKey).event as SignedGenesis

function group(): Governance {
  const g = Governance.fromGenesis(genesis, { logKey: fayLog, index: 0 })
  g.apply(signEvent(admitEvent(g.groupId, idOf(fay), bob, bobLog), fay.signSecretKey).event, { logKey: fayLog, index: 1 })
  return g
}

function setEvent(g: Governance, by: typeof fay, body: { signal: string[]; ice: { url: string; username?: string; credential?: string }[] }): SignedEvent {
  const e = { v: 1, kind: 'webrtc.set', group: g.groupId, author: idOf(by), at: 5, seen: {}, body } as UnsignedEvent
  // Through the bytes, as a peer reads it: the schema is part of what is tested.
  return openEvent(signEvent(e, by.signSecretKey).payload).event
}

describe('the group’s WebRTC setting', () => {
  it('names no signaling, STUN or TURN server until a facilitator does', () => {
    expect(group().webrtc.current).toEqual({ signal: [], ice: [], by: null, at: 0 })
  })

  it('takes a facilitator’s setting whole, and the next one replaces it', () => {
    const g = group()
    const before = g.fingerprint()
    g.apply(setEvent(g, fay, { signal: ['ws://127.0.0.1:4444', 'wss://signal.example.org/room'], ice: [{ url: 'stun:stun.example.org:3478' }] }), { logKey: fayLog, index: 2 })
    expect(g.webrtc.current).toMatchObject({ signal: ['ws://127.0.0.1:4444', 'wss://signal.example.org/room'], ice: [{ url: 'stun:stun.example.org:3478' }], by: idOf(fay) })
    expect(g.fingerprint()).not.toBe(before)
    g.apply(setEvent(g, fay, { signal: ['ws://127.0.0.1:5555'], ice: [] }), { logKey: fayLog, index: 3 })
    expect(g.webrtc.current).toMatchObject({ signal: ['ws://127.0.0.1:5555'], ice: [] })
  })

  it('refuses a member’s setting in the replay itself (NOT_ALLOWED), leaving the setting as it was', () => {
    const g = group()
    g.apply(setEvent(g, fay, { signal: ['ws://127.0.0.1:4444'], ice: [] }), { logKey: fayLog, index: 2 })
    const forged = setEvent(g, bob, { signal: ['wss://listening.example.net'], ice: [] })
    expect(codeOf(() => g.apply(forged, { logKey: bobLog, index: 0 }))).toBe('NOT_ALLOWED')
    expect(g.webrtc.current.signal).toEqual(['ws://127.0.0.1:4444'])
  })

  it.each([
    ['an http address', { signal: ['http://127.0.0.1:4444'], ice: [] }],
    ['a user in the address', { signal: ['ws://user:pw@127.0.0.1:4444'], ice: [] }],
    ['no scheme', { signal: ['127.0.0.1:4444'], ice: [] }],
    ['too many servers', { signal: Array.from({ length: WEBRTC_MAX_SERVERS + 1 }, (_, i) => `ws://127.0.0.1:${4000 + i}`), ice: [] }],
    ['a too long address', { signal: [`ws://${'a'.repeat(200)}.org`], ice: [] }],
    ['an ICE server that is not stun/turn', { signal: [], ice: [{ url: 'http://stun.example.org' }] }],
    ['a credential for STUN', { signal: [], ice: [{ url: 'stun:stun.example.org', username: 'u', credential: 'c' }] }],
    ['a username without a credential', { signal: [], ice: [{ url: 'turn:turn.example.org', username: 'u' }] }],
    ['a transport on STUN', { signal: [], ice: [{ url: 'stun:stun.example.org?transport=tcp' }] }],
  ])('refuses %s with INVALID_INPUT, and a peer refuses it as malformed', (_what, setting) => {
    expect(codeOf(() => checkWebrtcSetting(setting))).toBe('INVALID_INPUT')
    const g = group()
    const e = { v: 1, kind: 'webrtc.set', group: g.groupId, author: idOf(fay), at: 5, seen: {}, body: setting } as UnsignedEvent
    expect(codeOf(() => openEvent(signEvent(e, fay.signSecretKey).payload))).toBe('BLOCK_MALFORMED')
  })

  it('never echoes a credential in its refusal', () => {
    let message = ''
    try {
      checkWebrtcSetting({ signal: [], ice: [{ url: 'stun:x.org', username: 'name', credential: 'the-secret-word' }] })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).not.toContain('the-secret-word')
  })
})

describe('ICE servers for node-datachannel', () => {
  it('passes STUN as its address and TURN as a structured server with the standard ports', () => {
    expect(iceServersFor([
      { url: 'stun:stun.example.org' },
      { url: 'turn:turn.example.org?transport=tcp', username: 'a:b', credential: 'c@d' },
      { url: 'turns:[2001:db8::1]:443', username: 'u', credential: 'p' },
      { url: 'turn:10.0.0.1' },
    ])).toEqual([
      'stun:stun.example.org',
      { hostname: 'turn.example.org', port: 3478, relayType: 'TurnTcp', username: 'a:b', password: 'c@d' },
      { hostname: '2001:db8::1', port: 443, relayType: 'TurnTls', username: 'u', password: 'p' },
      { hostname: '10.0.0.1', port: 3478, relayType: 'TurnUdp' },
    ])
  })
})
