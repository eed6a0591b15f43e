/**
 * Two versions of one device log at the same length (tree-exchange.ts on the wire,
 * tree-compare.ts for what it means). A writer runs one key pair on two machines; each writes one
 * different block at the same index, so both versions have one length and Hypercore, which
 * compares trees only when one side grows past the other, notices nothing. Two readers, each
 * holding one version in its own real Corestore, meet over a real Noise stream that carries the
 * log's replication and the exchange: both report evidence, both freeze at the same index, and
 * each piece carries both versions' blocks. A peer sending garbage, an unasked state, a forged
 * state or a flood gets a coded refusal; the channel closes, replication goes on, nothing is
 * reported.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { checkEvidence, freezes, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { TreeCompare } from '../../../core/group/tree-compare.ts'
import { Protomux, rawEncoding, type NoiseStream } from '../../../core/net/holepunch-net.ts'
import { openTrees, TREES_PROTOCOL } from '../../../core/net/tree-exchange.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { encodeSignedState, readSignedState } from '../../../core/store/tree-proof.ts'
import { noisePair } from '../net/noise-pair.ts'
import { useTwinCores, type Twins } from './twin-cores.ts'

const { store, twins } = useTwinCores()
const streams: NoiseStream[] = []
afterEach(() => {
  for (const s of streams.splice(0)) s.destroy()
})

/** A reader's side of the exchange: its one log, what it reports and the refusals it meets. */
function side(key: string, session: HypercoreSession): { compare: TreeCompare; reports: ForkEvidence[]; refusals: string[]; reported: Promise<void> } {
  const reports: ForkEvidence[] = []
  const refusals: string[] = []
  let heard: () => void = () => undefined
  const reported = new Promise<void>((ok) => (heard = ok))
  const compare = new TreeCompare({
    session: (k) => (k === key ? session : undefined),
    logs: () => [key],
    report: async (ev) => {
      reports.push(ev)
      heard()
    },
    refused: (code, sent) => refusals.push(`${sent ? 'sent' : 'got'} ${code}`),
  })
  return { compare, reports, refusals, reported }
}

function pair(): [NoiseStream, NoiseStream] {
  const [x, y] = noisePair()
  streams.push(x, y)
  return [x, y]
}

/** A hostile end: a raw channel of the protocol, sending whatever the test says, hearing refusals. */
function hostile(stream: NoiseStream): { send(type: number, m: Uint8Array): void; refused: Promise<string>; wanted: Promise<void>; wants: Uint8Array[] } {
  let got: (code: string) => void = () => undefined
  let want: () => void = () => undefined
  const refused = new Promise<string>((ok) => (got = ok))
  const wanted = new Promise<void>((ok) => (want = ok))
  const wants: Uint8Array[] = []
  const heard = (type: number, m: Uint8Array): void => {
    if (type === 3) got(Buffer.from(m).toString('latin1'))
    if (type === 1) {
      wants.push(m)
      want()
    }
  }
  const msg = (type: number) => ({ encoding: rawEncoding, onmessage: (m: Uint8Array) => heard(type, m) })
  const channel = Protomux.from(stream).createChannel({ protocol: TREES_PROTOCOL, messages: [msg(0), msg(1), msg(2), msg(3)] })
  channel?.open()
  return { send: (type, m) => void channel?.messages[type]?.send(m), refused, wanted, wants }
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

describe('two versions of a log at one length', () => {
  it.each([3, 6, 12])('are noticed on connect and freeze both readers at one index (%i blocks before the split)', async (shared) => {
    const t = await twins(shared)
    const [x, y] = pair()
    const [sa, sb] = [side(t.key, t.ra), side(t.key, t.rb)]
    t.ra.replicate(x)
    t.rb.replicate(y)
    openTrees(x, sa.compare)
    openTrees(y, sb.compare)
    await Promise.all([sa.reported, sb.reported])
    const [ea, eb] = [sa.reports[0] as ForkEvidence, sb.reports[0] as ForkEvidence]
    // One freeze, whichever reader's evidence a peer holds, never past the block that differs.
    expect(freezes([ea]).get(t.key)).toBe(freezes([eb]).get(t.key))
    const index = freezes([ea]).get(t.key) as number
    expect(index).toBeLessThanOrEqual(shared)
    // Each carries both versions' blocks at the freeze (the review shows both, item 4).
    for (const ev of [ea, eb]) {
      const c = checkEvidence(ev)
      expect(c?.a.block?.index).toBe(index)
      expect(c?.b.block?.index).toBe(index)
    }
    // Hypercore itself noticed nothing: both readers still hold their own version, at one length.
    expect([t.ra.length, t.rb.length, t.ra.closed, t.rb.closed]).toEqual([shared + 1, shared + 1, false, false])
    expect([...sa.refusals, ...sb.refusals]).toEqual([])
  })

  it('asks nothing of a reader of the same version', async () => {
    const t = await twins(4)
    const [x, y] = pair()
    const s = side(t.key, t.ra)
    openTrees(x, s.compare)
    const h = hostile(y)
    const d = await s.compare.digest(t.key)
    h.send(0, Buffer.concat([Buffer.from([1]), Buffer.from(t.key, 'hex'), u32(d?.fork ?? 0), u32(d?.length ?? 0), d?.hash ?? new Uint8Array(32)]))
    // Messages are handled in order: once the refusal of what follows comes, the digest was judged.
    h.send(0, Uint8Array.of(0))
    expect(await h.refused).toBe('TREES_MALFORMED')
    expect(h.wants).toEqual([])
    expect(s.reports).toEqual([])
  })
})

describe('a peer that sends garbage', () => {
  const garbage: [string, number, (t: Twins) => Promise<Uint8Array>, string][] = [
    ['a digest of the wrong size', 0, async () => Uint8Array.of(1, 2, 3), 'TREES_MALFORMED'],
    ['a want with too many roots', 1, async (t) => Buffer.concat([Buffer.from(t.key, 'hex'), Buffer.from([4, 0, 0, 0, 255, 255, 0, 0])]), 'TREES_MALFORMED'],
    ['a state nobody asked for', 2, async (t) => Buffer.concat([Buffer.from(t.key, 'hex'), Buffer.from([4, 0, 0, 0]), encodeSignedState(await readSignedState(t.b, null))]), 'TREES_UNASKED'],
  ]

  it.each(garbage)('%s is refused with its code; replication goes on', async (_what, type, bytes, code) => {
    const t = await twins(3)
    const [x, y] = pair()
    const s = side(t.key, t.ra)
    t.ra.replicate(x)
    openTrees(x, s.compare)
    const h = hostile(y)
    h.send(type, await bytes(t))
    expect(await h.refused).toBe(code)
    expect(s.refusals).toEqual([`sent ${code}`])
    // The same connection still carries the log: a fresh reader on the hostile end fetches it whole.
    const fresh = store().get({ key: t.a.key as Uint8Array })
    await fresh.ready()
    fresh.replicate(y)
    await fresh.download({ start: 0, end: t.ra.length }).done()
    expect(fresh.contiguousLength).toBe(t.ra.length)
    expect(s.reports).toEqual([])
  })

  it('a state signed by another key, asked for, is refused and reports nothing', async () => {
    const t = await twins(3)
    const forger = await twins(3, 1) // another key pair, same shape
    const [x, y] = pair()
    const s = side(t.key, t.ra)
    openTrees(x, s.compare)
    const h = hostile(y)
    // Claim a different tree at our length, wait for the want, answer with a state of another log.
    const digest = Buffer.concat([Buffer.from([1]), Buffer.from(t.key, 'hex'), Buffer.from([0, 0, 0, 0, 4, 0, 0, 0]), Buffer.alloc(32, 7)])
    h.send(0, digest)
    await h.wanted
    h.send(2, Buffer.concat([Buffer.from(t.key, 'hex'), Buffer.from([4, 0, 0, 0]), encodeSignedState(await readSignedState(forger.b, null))]))
    expect(await h.refused).toBe('TREES_MALFORMED')
    expect(s.reports).toEqual([])
  })

  it('a flood of digests is refused', async () => {
    const t = await twins(2)
    const [x, y] = pair()
    const s = side(t.key, t.ra)
    openTrees(x, s.compare)
    const h = hostile(y)
    const digest = Buffer.concat([Buffer.from([1]), Buffer.from(t.key, 'hex'), Buffer.from([0, 0, 0, 0, 3, 0, 0, 0]), Buffer.alloc(32, 7)])
    for (let i = 0; i < 500; i++) h.send(0, digest)
    expect(await h.refused).toBe('TREES_FLOOD')
    expect(s.reports).toEqual([])
  })
})
