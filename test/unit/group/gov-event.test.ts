/**
 * Governance events: signed, content-addressed, and strict about shape. Any change to a signed
 * event must fail verification, and any payload that is not a well-formed event must be a coded
 * BLOCK_MALFORMED, never a crash.
 */
import { describe, expect, it } from 'vitest'
import { canonicalBytes } from '../../../core/group/canonical-json.ts'
import { eventId, groupIdOf, openEvent, signEvent } from '../../../core/group/gov-event.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { genesisEvent, hex, identity, idOf, type SignedGenesis } from './support.ts'

const rnd = seededRandom(testSeed())
const fay = identity(rnd)
const gus = identity(rnd)
const device = hex(rnd.bytes(32))
const unsigned = genesisEvent(fay, device)
const { event, payload } = signEvent(unsigned, fay.signSecretKey)
const signed = event as SignedGenesis

const enc = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v))
const clone = (): SignedGenesis => JSON.parse(JSON.stringify(signed)) as SignedGenesis
const openCode = (bytes: Uint8Array): string => codeOf(() => openEvent(bytes))

describe('sign and open', () => {
  it('round-trips: openEvent returns the event and its content id', () => {
    const opened = openEvent(payload)
    expect(opened.event).toEqual(signed)
    expect(opened.id).toBe(eventId(unsigned))
    expect(opened.id).toMatch(/^[0-9a-f]{64}$/)
    expect(payload).toEqual(canonicalBytes(signed))
  })

  it('opens the same event written with other whitespace and key order to the same id', () => {
    const loose = new TextEncoder().encode(JSON.stringify({ ...clone(), v: 1 }, null, 2))
    expect(openEvent(loose).id).toBe(openEvent(payload).id)
  })

  it('derives a stable 32-hex group id from genesis that does not depend on the signature bytes', () => {
    const id = groupIdOf(signed)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(groupIdOf(clone())).toBe(id)
    expect(id).toBe(eventId(unsigned).slice(0, 32))
    expect(groupIdOf({ ...signed, sig: '0'.repeat(128) })).toBe(id)
    expect(groupIdOf(signEvent(genesisEvent(fay, device, { at: 2 }), fay.signSecretKey).event)).not.toBe(id)
  })

  it('gives re-signed identical content the same id', () => {
    const again = signEvent(structuredClone(unsigned), fay.signSecretKey)
    expect(openEvent(again.payload).id).toBe(openEvent(payload).id)
    expect(eventId(unsigned)).toBe(openEvent(payload).id)
  })
})

describe('tampering after signing', () => {
  const edits: [string, (e: SignedGenesis) => void][] = [
    ['group', (e) => { e.group = 'a'.repeat(32) }],
    ['author', (e) => { e.author = idOf(gus) }],
    ['at', (e) => { e.at += 1 }],
    ['seen (added)', (e) => { e.seen[device] = 1 }],
    ['name', (e) => { e.body.name = 'Wednesday circle' }],
    ['mode', (e) => { e.body.mode = 'facilitated' }],
    ['a topic label', (e) => { (e.body.settings.topics[0] as { label: string }).label = 'Checking in' }],
    ['topics (dropped one)', (e) => { e.body.settings.topics.pop() }],
    ['rulesWriters', (e) => { e.body.settings.rulesWriters = ['member'] }],
    ['inviters', (e) => { e.body.settings.inviters = ['facilitator'] }],
    ['flagThreshold', (e) => { e.body.settings.flagThreshold = 1 }],
    ['creator pseudonym', (e) => { e.body.creator.pseudonym = 'Not Fay' }],
    ['creator boxKey', (e) => { e.body.creator.boxKey = hex(gus.boxPublicKey) }],
    ['creator device', (e) => { e.body.creator.device = 'c'.repeat(64) }],
    ['sig (one nibble)', (e) => { e.sig = (e.sig[0] === '0' ? '1' : '0') + e.sig.slice(1) }],
    ['sig (last nibble)', (e) => { e.sig = e.sig.slice(0, -1) + (e.sig.endsWith('0') ? '1' : '0') }],
    ['sig (another signer)', (e) => { e.sig = signEvent(unsigned, gus.signSecretKey).event.sig }],
  ]
  it.each(edits)('refuses a changed %s with CRYPTO_BAD_SIGNATURE', (_field, edit) => {
    const e = clone()
    edit(e)
    expect(openCode(canonicalBytes(e))).toBe('CRYPTO_BAD_SIGNATURE')
  })

  it('refuses an author key of small order', () => {
    const e = { ...clone(), author: '00'.repeat(32) }
    expect(openCode(canonicalBytes(e))).toBe('CRYPTO_BAD_SIGNATURE')
    const identityPoint = { ...clone(), author: '01' + '00'.repeat(31) }
    expect(openCode(canonicalBytes(identityPoint))).toBe('CRYPTO_BAD_SIGNATURE')
  })
})

describe('malformed payloads', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['not JSON', new TextEncoder().encode('{"v":1')],
    ['invalid UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d)],
    ['JSON null', enc(null)],
    ['a JSON array', enc([signed])],
    ['a JSON string', enc('genesis')],
  ])('refuses %s with BLOCK_MALFORMED', (_what, bytes) => {
    expect(openCode(bytes)).toBe('BLOCK_MALFORMED')
  })

  const shapes: [string, (e: Record<string, unknown>) => void][] = [
    ['an unknown kind', (e) => { e.kind = 'member.banish' }],
    ['a known kind with another kind’s body', (e) => { e.kind = 'member.admit' }],
    ['no kind', (e) => { delete e.kind }],
    ['version 2', (e) => { e.v = 2 }],
    ['a string version', (e) => { e.v = '1' }],
    ['an extra top-level field', (e) => { e.extra = 1 }],
    ['an extra body field', (e) => { (e.body as Record<string, unknown>).extra = 1 }],
    ['an extra creator field', (e) => { ((e.body as Record<string, unknown>).creator as Record<string, unknown>).role = 'facilitator' }],
    ['an uppercase-hex author', (e) => { e.author = String(e.author).toUpperCase() }],
    ['a short author', (e) => { e.author = String(e.author).slice(2) }],
    ['a non-hex sig', (e) => { e.sig = 'z'.repeat(128) }],
    ['a short sig', (e) => { e.sig = String(e.sig).slice(2) }],
    ['an uppercase sig', (e) => { e.sig = String(e.sig).toUpperCase() }],
    ['a non-hex seen key', (e) => { e.seen = { nothex: 1 } }],
    ['a negative seen length', (e) => { e.seen = { [device]: -1 } }],
    ['a float at', (e) => { e.at = 1.5 }],
    ['a negative at', (e) => { e.at = -1 }],
    ['a bad group id', (e) => { e.group = 'xyz' }],
    ['a bad mode', (e) => { (e.body as Record<string, unknown>).mode = 'anarchy' }],
    ['a bad creator device', (e) => { ((e.body as Record<string, unknown>).creator as Record<string, unknown>).device = 'nope' }],
    ['an empty name', (e) => { (e.body as Record<string, unknown>).name = '' }],
    ['no topics', (e) => { ((e.body as Record<string, unknown>).settings as Record<string, unknown>).topics = [] }],
    ['an unknown role', (e) => { ((e.body as Record<string, unknown>).settings as Record<string, unknown>).rulesWriters = ['admin'] }],
    ['no body', (e) => { delete e.body }],
  ]
  it.each(shapes)('refuses %s with BLOCK_MALFORMED', (_what, edit) => {
    const e = clone() as unknown as Record<string, unknown>
    edit(e)
    expect(openCode(enc(e))).toBe('BLOCK_MALFORMED')
  })

  it('answers random bytes and random JSON with a code, never a crash', () => {
    for (let i = 0; i < 300; i++) {
      const bytes = rnd.next() < 0.5 ? rnd.bytes(rnd.int(0, 200)) : payload.map((b) => (rnd.next() < 0.02 ? rnd.int(0x20, 0x7e) : b))
      expect(['BLOCK_MALFORMED', 'CRYPTO_BAD_SIGNATURE', 'OK']).toContain(openCode(bytes))
    }
  })
})
