/**
 * The welcome (core/group/join.ts): version 2 carries where each log's latest shared checkpoint
 * starts; version 1 (no such field) is still read; a version that disagrees with its fields, or
 * a start out of range, is refused as malformed. Version 3 carries the group's WebRTC setting
 * (core/group/webrtc-settings.ts) and is sent only when the group named servers. Version 4
 * carries the group's keeper (joins through the keeper), with the WebRTC setting optional.
 */
import { describe, expect, it } from 'vitest'
import { canonicalBytes } from '../../../core/group/canonical-json.ts'
import { openWelcome } from '../../../core/group/join.ts'
import { sealTo } from '../../../core/crypto/sealedbox.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { identity } from './support.ts'

const rnd = seededRandom(testSeed())
const me = identity(rnd)
const GROUP = 'ab'.repeat(16)
const LOG = 'cd'.repeat(32)
const base = { groupId: GROUP, name: 'Circle', secret: 'ef'.repeat(32), epochs: [[0, '01'.repeat(32)]], members: ['23'.repeat(32)], logs: [LOG] }
const open = (w: unknown) => openWelcome(sealTo(canonicalBytes(w), me.boxPublicKey), me.boxPublicKey, me.boxSecretKey, GROUP)

describe('welcome', () => {
  it('reads version 2 with its checkpoint starts', () => {
    expect(open({ v: 2, ...base, checkpoints: [[LOG, 4500]] }).checkpoints).toEqual([[LOG, 4500]])
  })

  it('still reads version 1, which has none', () => {
    expect(open({ v: 1, ...base }).checkpoints).toBeUndefined()
  })

  it('reads version 3 with the group’s WebRTC setting', () => {
    const webrtc = { signal: ['ws://127.0.0.1:4444'], ice: [{ url: 'turn:turn.example.org?transport=tcp', username: 'u', credential: 'c' }] }
    expect(open({ v: 3, ...base, checkpoints: [], webrtc }).webrtc).toEqual(webrtc)
  })

  it('reads version 4 with the group’s keeper, the WebRTC setting optional', () => {
    const keeper = { key: '45'.repeat(32), register: '67'.repeat(16) }
    expect(open({ v: 4, ...base, checkpoints: [], keeper }).keeper).toEqual(keeper)
    expect(open({ v: 4, ...base, checkpoints: [], keeper, webrtc: { signal: ['ws://127.0.0.1:4444'], ice: [] } }).webrtc?.signal).toEqual(['ws://127.0.0.1:4444'])
    for (const w of [{ v: 3, ...base, checkpoints: [], keeper, webrtc: { signal: [], ice: [] } }, { v: 2, ...base, checkpoints: [], keeper }, { v: 4, ...base, checkpoints: [], keeper: { key: 'zz', register: keeper.register } }]) {
      expect(() => open(w)).toThrow(/malformed/)
    }
  })

  it('refuses a version that disagrees with its fields, and bad starts', () => {
    for (const w of [{ v: 1, ...base, checkpoints: [] }, { v: 2, ...base }, { v: 3, ...base, checkpoints: [] }, { v: 4, ...base, checkpoints: [] }, { v: 2, ...base, checkpoints: [], webrtc: { signal: [], ice: [] } }, { v: 3, ...base, checkpoints: [], webrtc: { signal: ['http://x'], ice: [] } }, { v: 2, ...base, checkpoints: [[LOG, -1]] }, { v: 2, ...base, checkpoints: [[LOG, 2 ** 32]] }, { v: 2, ...base, checkpoints: [['zz', 1]] }]) {
      expect(() => open(w), JSON.stringify(w).slice(0, 60)).toThrow(/malformed/)
    }
  })
})
