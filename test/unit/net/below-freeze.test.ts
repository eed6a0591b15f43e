/**
 * The below-freeze exchange (core/net/below-freeze.ts) against hostile and honest peers, and the
 * rescue store (core/store/rescue-store.ts) when damaged. Real components: a writer's key pair run
 * on two machines (twin-cores.ts: 5 shared blocks, then one each, length 6), readers in real
 * Corestores on temp folders, real Noise streams in memory.
 *
 * The evidence of the two trees at length 6 freezes the log at 4: the roots there are node 3
 * (blocks 0..3), equal in both versions, and node 9 (blocks 4..5), which differs. So blocks 0..3
 * are rescued, each checked against node 3; block 4 is the same in both versions but lies under a
 * root that differs, and stays frozen with the rest.
 *
 * A peer answering with a forged block, a block of a third version Mallory signed, more blocks
 * than asked (reaching the freeze), an oversized or unasked message, garbage or a flood gets a
 * coded refusal, its channel closes, and nothing is stored; the honest peer's answer then lands.
 * The channel opens only once member-auth said yes.
 */
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { freezes, makeEvidence, treesPart, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { FrozenRescue } from '../../../core/group/frozen-rescue.ts'
import { BELOW_FREEZE_PROTOCOL, BelowFreezeExchange, belowFreezeOn, listenForBelowFreeze, openBelowFreeze, type BelowFreezeSide } from '../../../core/net/below-freeze.ts'
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from '../../../core/net/holepunch-net.ts'
import { ByteWriter } from '../../../core/store/bytes.ts'
import type { HypercoreSession, ProofNode } from '../../../core/store/holepunch.ts'
import { writeNodes } from '../../../core/store/log-proofs.ts'
import { peerLog, type PeerLog } from '../../../core/store/peer-log.ts'
import type { RescuedBlock } from '../../../core/store/rescue-store.ts'
import { encodeSignedState, readSignedState } from '../../../core/store/tree-proof.ts'
import { listFiles } from '../../helpers/canary.ts'
import { testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { useTwinCores, type Twins } from '../group/twin-cores.ts'
import { noisePair } from './noise-pair.ts'

const { store, twins } = useTwinCores()
const tempDir = useTempDirs()
const streams: NoiseStream[] = []
afterEach(() => {
  for (const s of streams.splice(0)) s.destroy()
})
const pair = (): [NoiseStream, NoiseStream] => {
  const [x, y] = noisePair()
  streams.push(x, y)
  return [x, y]
}
const hexOf = (b: Uint8Array | null): string | null => (b ? Buffer.from(b).toString('hex') : null)

interface Scene {
  t: Twins
  ev: ForkEvidence
}

async function scene(): Promise<Scene> {
  const t = await twins(5)
  const [sa, sb] = [await readSignedState(t.ra, null), await readSignedState(t.rb, null)]
  const ev = makeEvidence(t.key, t.kp.publicKey, treesPart(sa, sb) as number, sa, sb, encodeSignedState)
  expect(ev?.index, `seed ${testSeed()}`).toBe(4)
  // As governance reports it: the log speaks for Mallory, whom no test side is.
  return { t, ev: { ...(ev as ForkEvidence), member: 'mallory' } as ForkEvidence }
}

interface Side {
  rescue: FrozenRescue
  log: PeerLog | null
  dir: string
  refusals: string[]
  damaged: string[]
  served: number
  /** Its open exchanges, told when what it lacks changes (as GroupSwarm.belowFreezeChanged does). */
  exchanges: BelowFreezeExchange[]
  /** Resolves once nothing below the freeze is lacking here. */
  done: Promise<void>
}

/** A node's side: its copy of the log (or none), its rescue store in `dir`. */
async function side(sc: Scene, session: HypercoreSession | null, dir = tempDir(), cannotTell = false): Promise<Side> {
  let finish = (): void => undefined
  const done = new Promise<void>((ok) => (finish = ok))
  const refusals: string[] = []
  const damaged: string[] = []
  const out: Side = { rescue: null as unknown as FrozenRescue, log: null, dir, refusals, damaged, served: 0, exchanges: [], done }
  const rescue = new FrozenRescue(dir, {
    freezes: () => ({ frozen: freezes([sc.ev]), reports: [sc.ev] }),
    rescued: () => {
      if (![...rescue.wanted()].length) finish()
    },
    damaged: (_log, e) => damaged.push(e.code),
    refused: (code, sent) => refusals.push(`${sent ? 'sent' : 'got'} ${code}`),
    wantedChanged: (fresh) => {
      for (const ex of out.exchanges) ex.changed(fresh)
    },
  })
  const serve = rescue.serve.bind(rescue)
  rescue.serve = async (...a) => {
    out.served++
    return serve(...a)
  }
  out.rescue = rescue
  if (session) {
    const inner = peerLog(session.key as Uint8Array, session, () => Promise.reject(new Error('closed')))
    // A bitfield that cannot tell (a session closing or reopening) answers "all held" (block-batch.ts).
    out.log = rescue.attach(cannotTell ? { ...inner, heldUntil: (_from: number, end: number) => end } : inner)
  }
  await rescue.refresh()
  if (![...rescue.wanted()].length) finish()
  return out
}

/** A newcomer's empty copy of the log, in a Corestore of its own. */
async function emptyCopy(sc: Scene): Promise<HypercoreSession> {
  const c = store().get({ key: Buffer.from(sc.t.key, 'hex') })
  await c.ready()
  return c
}

/** A hostile end: a raw channel of the protocol, sending what the test says, hearing asks and refusals. */
function hostile(stream: NoiseStream): { send(type: number, m: Uint8Array): void; refused: Promise<string>; asked: Promise<Uint8Array>; answered: Promise<Uint8Array>; none: Promise<Uint8Array>; opened: () => boolean; heardAsk: () => boolean } {
  let got: (code: string) => void = () => undefined
  let said: (m: Uint8Array) => void = () => undefined
  const none = new Promise<Uint8Array>((ok) => (said = ok))
  let heardAsk = false
  let ask: (m: Uint8Array) => void = () => undefined
  let answer: (m: Uint8Array) => void = () => undefined
  const refused = new Promise<string>((ok) => (got = ok))
  const asked = new Promise<Uint8Array>((ok) => (ask = ok))
  const answered = new Promise<Uint8Array>((ok) => (answer = ok))
  let open = false
  const heard = (type: number, m: Uint8Array): void => {
    if (type === 3) got(Buffer.from(m).toString('latin1'))
    if (type === 0) {
      heardAsk = true
      ask(m)
    }
    if (type === 1) answer(m)
    if (type === 2) said(m)
  }
  const msg = (type: number) => ({ encoding: rawEncoding, onmessage: (m: Uint8Array) => heard(type, m) })
  const channel = Protomux.from(stream).createChannel({ protocol: BELOW_FREEZE_PROTOCOL, messages: [msg(0), msg(1), msg(2), msg(3)], onopen: () => void (open = true) })
  channel?.open()
  return { send: (type, m) => void channel?.messages[type]?.send(m), refused, asked, answered, none, opened: () => open, heardAsk: () => heardAsk }
}

/** An answer message: log, start, then each block with its path. */
function answer(log: string, start: number, blocks: { value: Uint8Array; path: ProofNode[] }[]): Uint8Array {
  const w = new ByteWriter().hex32(log).u32(start).u8(blocks.length)
  for (const b of blocks) {
    w.bytes32(b.value)
    writeNodes(w, b.path)
  }
  return w.done()
}

/** What the honest holder of version A serves for blocks 0..3. */
async function honestBlocks(sc: Scene): Promise<RescuedBlock[]> {
  const h = await side(sc, sc.t.ra)
  const blocks = await h.rescue.serve(sc.t.key, 0, 64)
  expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3])
  return blocks
}

/** The newcomer's side, asking a hostile peer: resolves with the ask it sent. */
async function askedBy(sc: Scene): Promise<{ cedar: Side; h: ReturnType<typeof hostile> ; ask: Uint8Array }> {
  const cedar = await side(sc, await emptyCopy(sc))
  const [x, y] = pair()
  openBelowFreeze(x, cedar.rescue, { remote: 'member' })
  const h = hostile(y)
  return { cedar, h, ask: await h.asked }
}

/** An honest holder of version A serving, and a hostile end asking it whatever the test sends. */
async function askedOf(sc: Scene): Promise<{ server: Side; h: ReturnType<typeof hostile> }> {
  const server = await side(sc, sc.t.ra)
  const [x, y] = pair()
  openBelowFreeze(x, server.rescue, { remote: 'member' })
  return { server, h: hostile(y) }
}

/** Nothing kept: no rescue file, still lacking from block 0; then the honest peer's answer lands. */
async function nothingKeptThenHonest(sc: Scene, cedar: Side): Promise<void> {
  expect(listFiles(cedar.dir)).toEqual([])
  expect([...cedar.rescue.wanted()]).toEqual([{ log: sc.t.key, from: 0, end: 4 }])
  const [x, y] = pair()
  openBelowFreeze(x, cedar.rescue, { remote: 'member' })
  openBelowFreeze(y, (await side(sc, sc.t.ra)).rescue, { remote: 'member' })
  await cedar.done
  const log = cedar.log as PeerLog
  const want = await Promise.all([0, 1, 2, 3].map(async (i) => hexOf(await sc.t.ra.get(i, { wait: false }))))
  expect(await Promise.all([0, 1, 2, 3, 4].map(async (i) => hexOf(await log.get(i))))).toEqual([...want, null])
}

describe('the below-freeze exchange', () => {
  it('asks for the blocks below the freeze from 0, in one range, and an honest peer answers with all of them', async () => {
    const sc = await scene()
    const { ask } = await askedBy(sc)
    expect(Buffer.from(ask)).toEqual(Buffer.from(new ByteWriter().hex32(sc.t.key).u32(0).u8(4).done()))
  })

  it('refuses a block whose path does not reach the shared root, keeps nothing, and takes the honest answer', async () => {
    const sc = await scene()
    const honest = await honestBlocks(sc)
    const { cedar, h } = await askedBy(sc)
    const forged = honest.map((b, i) => (i === 1 ? { ...b, value: Buffer.concat([b.value.subarray(0, 5), Buffer.from('x'), b.value.subarray(6)]) } : b))
    h.send(1, answer(sc.t.key, 0, forged))
    expect(await h.refused).toBe('BELOW_FORGED')
    expect(cedar.refusals).toEqual(['sent BELOW_FORGED'])
    await nothingKeptThenHonest(sc, cedar)
  })

  it('refuses a block of a third version Mallory signed, with its own valid path to its own root', async () => {
    const sc = await scene()
    const third = store().get({ manifest: { version: 1, signers: [{ publicKey: sc.t.kp.publicKey }] } })
    await third.ready()
    for (let i = 0; i < 6; i++) await third.append(Buffer.from(`a third version, block ${i}`), { keyPair: sc.t.kp })
    const blocks: { value: Uint8Array; path: ProofNode[] }[] = []
    for (let i = 0; i < 4; i++) {
      const p = await third.proof({ block: { index: i, nodes: 2 } })
      blocks.push({ value: p.block?.value as Uint8Array, path: p.block?.nodes as ProofNode[] })
    }
    const { cedar, h } = await askedBy(sc)
    h.send(1, answer(sc.t.key, 0, blocks))
    expect(await h.refused).toBe('BELOW_FORGED')
    await nothingKeptThenHonest(sc, cedar)
  })

  it('refuses more blocks than asked (up to and past the freeze), and never takes block 4 even with its true path', async () => {
    const sc = await scene()
    const honest = await honestBlocks(sc)
    const p4 = await sc.t.ra.proof({ block: { index: 4, nodes: 1 } })
    const b4 = { value: p4.block?.value as Uint8Array, path: p4.block?.nodes as ProofNode[] }
    const { cedar, h } = await askedBy(sc)
    expect(cedar.rescue.check(sc.t.key, 4, b4.value, b4.path)).toBe(false)
    h.send(1, answer(sc.t.key, 0, [...honest, b4]))
    expect(await h.refused).toBe('BELOW_UNASKED')
    await nothingKeptThenHonest(sc, cedar)
  })

  it('refuses an answer nobody asked for, and one at another start', async () => {
    const sc = await scene()
    const honest = await honestBlocks(sc)
    const { cedar, h } = await askedBy(sc)
    h.send(1, answer(sc.t.key, 1, honest.slice(1)))
    expect(await h.refused).toBe('BELOW_UNASKED')
    await nothingKeptThenHonest(sc, cedar)
  })

  it('refuses an oversized message and garbage', async () => {
    const sc = await scene()
    const { cedar, h } = await askedBy(sc)
    h.send(1, Buffer.alloc(4 * 1024 * 1024, 7))
    expect(await h.refused).toBe('BELOW_MALFORMED')
    await nothingKeptThenHonest(sc, cedar)

    const { server, h: g } = await askedOf(sc)
    g.send(0, Buffer.from('not an ask'))
    expect(await g.refused).toBe('BELOW_MALFORMED')
    expect(server.served).toBe(0)
  })

  it('refuses a flood of asks', async () => {
    const sc = await scene()
    const { server, h } = await askedOf(sc)
    const ask = new ByteWriter().hex32(sc.t.key).u32(0).u8(1).done()
    for (let i = 0; i < 200; i++) h.send(0, ask)
    expect(await h.refused).toBe('BELOW_FLOOD')
    expect(server.refusals).toEqual(['sent BELOW_FLOOD'])
    // The same range twice, or more asks at once than an honest asker has out: one served at most.
    expect(server.served).toBeLessThanOrEqual(1)
  })

  it('refuses the same range asked again once it was answered with blocks', async () => {
    const sc = await scene()
    const { server, h } = await askedOf(sc)
    const ask = new ByteWriter().hex32(sc.t.key).u32(0).u8(4).done()
    h.send(0, ask)
    await h.answered
    h.send(0, ask)
    expect(await h.refused).toBe('BELOW_FLOOD')
    expect([server.served, server.refusals]).toEqual([1, ['sent BELOW_FLOOD']])
  })

  it('reads no more than an answer may carry', async () => {
    const sc = await scene()
    const server = await side(sc, sc.t.ra)
    expect((await server.rescue.serve(sc.t.key, 0, 4, Infinity)).length).toBe(4)
    expect((await server.rescue.serve(sc.t.key, 0, 4, 1)).length).toBe(1)
  })

  it.each([false, true])('opens only once member-auth said yes (said %s)', async (ok) => {
    const sc = await scene()
    const server = await side(sc, sc.t.ra)
    const [x, y] = pair()
    listenForBelowFreeze(x, Promise.resolve(ok ? 'birch' : null), server.rescue)
    // A probe channel the server opens one turn later than an accepted below-freeze channel would
    // be: once the probe is open, an accepted channel has opened before it.
    let probed = (): void => undefined
    const probe = new Promise<void>((resolve) => (probed = resolve))
    Protomux.from(x).pair({ protocol: 'test/probe' }, async () => {
      await Promise.resolve()
      Protomux.from(x).createChannel({ protocol: 'test/probe', messages: [] })?.open()
    })
    const h = hostile(y)
    Protomux.from(y).createChannel({ protocol: 'test/probe', messages: [], onopen: () => probed() })?.open()
    await probe
    expect(h.opened()).toBe(ok)
    expect(belowFreezeOn(x) !== null).toBe(ok)
    expect(server.served).toBe(0)
  })
})

/** A channel that records what is sent; `full` makes every send find the stream's buffer full. */
function recordingChannel(full = false): { channel: ProtomuxChannel; sent: number[] } {
  const sent: number[] = []
  const message = (type: number) => ({ send: () => (sent.push(type), !full) })
  const channel: ProtomuxChannel = { opened: true, closed: false, open: () => undefined, close: () => undefined, messages: [message(0), message(1), message(2), message(3)] }
  return { channel, sent }
}

const settled = (): Promise<void> => new Promise((ok) => setImmediate(ok))
const askFor = (log: string): Uint8Array => new ByteWriter().hex32(log).u32(0).u8(1).done()
const oneBlock = (): Promise<RescuedBlock[]> => Promise.resolve([{ index: 0, value: new Uint8Array([1]), path: [] }])
const sideServing = (serve: BelowFreezeSide['serve']): BelowFreezeSide => ({ wanted: () => [], serve, check: () => false, take: async () => undefined })

describe('the answerer\'s own bounds', () => {
  it('serves at most as many asks at once as an honest asker has out; one more is a flood', async () => {
    let serving = 0
    const { channel, sent } = recordingChannel()
    const ex = new BelowFreezeExchange(channel, sideServing(() => (serving++, new Promise<RescuedBlock[]>(() => undefined))))
    for (let i = 0; i < 4; i++) ex.receive(0, askFor(String(i).repeat(64)))
    await settled()
    expect([serving, sent]).toEqual([1, []])
    ex.receive(0, askFor('5'.repeat(64)))
    expect(sent).toEqual([3])
  })

  it('serves the next ask only once the stream drained the last answer', async () => {
    let serving = 0
    const { channel, sent } = recordingChannel(true)
    const ex = new BelowFreezeExchange(channel, sideServing(() => (serving++, oneBlock())))
    ex.receive(0, askFor('a'.repeat(64)))
    ex.receive(0, askFor('b'.repeat(64)))
    await settled()
    expect([serving, sent]).toEqual([1, [1]])
    ex.drained()
    await settled()
    expect([serving, sent]).toEqual([2, [1, 1]])
  })

  it("counts an ask answered once its answer is written: an honest asker's next asks before the drain are no flood", async () => {
    const { channel, sent } = recordingChannel(true)
    const ex = new BelowFreezeExchange(channel, sideServing(oneBlock))
    ex.receive(0, askFor('a'.repeat(64)))
    await settled()
    // Answered, the drain not heard yet; the asker, holding the answer, has its other four out.
    for (const c of 'bcde') ex.receive(0, askFor(c.repeat(64)))
    await settled()
    expect(sent).toEqual([1])
  })

  it('refuses an answer to no ask on arrival and bounds what waits, while its own answer waits for the stream to drain', async () => {
    const unasked = (): Uint8Array => {
      const m = Buffer.alloc(2 * 1024 * 1024)
      Buffer.from('b'.repeat(64), 'hex').copy(m, 0)
      m[36] = 1
      return m
    }
    const first = recordingChannel(true)
    const ex = new BelowFreezeExchange(first.channel, sideServing(oneBlock))
    ex.receive(0, askFor('a'.repeat(64)))
    await settled()
    expect(first.sent).toEqual([1])
    ex.receive(1, unasked()) // not queued with its 2 MiB: refused now
    expect(first.sent).toEqual([1, 3])

    const second = recordingChannel(true)
    const other = new BelowFreezeExchange(second.channel, sideServing(oneBlock))
    other.receive(0, askFor('a'.repeat(64)))
    await settled()
    // Messages that would wait behind the drain: no more than an honest remote has in flight.
    for (let i = 0; i < 9; i++) other.receive(3, Buffer.from('BELOW_FLOOD', 'latin1'))
    expect(second.sent).toEqual([1, 3])
  })
})

describe('a slow member', () => {
  it('answering one block at a time is not asked for the rest until what is lacking changes; a full answer is', async () => {
    const log = 'c'.repeat(64)
    let from = 0
    const asker: BelowFreezeSide = {
      wanted: () => [{ log, from, end: 100 }],
      serve: async () => [],
      check: () => true,
      take: async (_log, blocks) => void (from += blocks.length),
    }
    const { channel, sent } = recordingChannel()
    const ex = new BelowFreezeExchange(channel, asker)
    const block = { value: new Uint8Array([1]), path: [] }
    ex.changed()
    await settled()
    expect(sent).toEqual([0])
    ex.receive(1, answer(log, 0, [block]))
    await settled()
    expect([from, sent]).toEqual([1, [0]])
    ex.changed(true)
    await settled()
    expect(sent).toEqual([0, 0])
    ex.receive(1, answer(log, 1, Array.from({ length: 64 }, () => block)))
    await settled()
    expect([from, sent]).toEqual([65, [0, 0, 0]])
    ex.close()
  })
})

describe('what this device lacks', () => {
  it('is found by reading, so a copy whose bitfield cannot tell still asks', async () => {
    const sc = await scene()
    const cedar = await side(sc, await emptyCopy(sc), tempDir(), true)
    expect(cedar.log?.heldUntil?.(0, 4), 'the copy says it holds all').toBe(4)
    expect([...cedar.rescue.wanted()]).toEqual([{ log: sc.t.key, from: 0, end: 4 }])
    const [x, y] = pair()
    openBelowFreeze(x, cedar.rescue, { remote: 'member' })
    openBelowFreeze(y, (await side(sc, sc.t.ra)).rescue, { remote: 'member' })
    await cedar.done
    expect(listFiles(cedar.dir).length).toBe(1)
  })
})

describe('a silent member', () => {
  it('holding an ask lets the range go to another member after the wait, and its late answer is not refused', async () => {
    const sc = await scene()
    const cedar = await side(sc, await emptyCopy(sc))
    const [x, y] = pair()
    cedar.exchanges.push(openBelowFreeze(x, cedar.rescue, { remote: 'member', askWaitMs: 50 }) as BelowFreezeExchange)
    const silent = hostile(y)
    await silent.asked
    // The honest member connects while the silent one holds the range: it is asked once the wait ends.
    const [p, q] = pair()
    cedar.exchanges.push(openBelowFreeze(p, cedar.rescue, { remote: 'member', askWaitMs: 50 }) as BelowFreezeExchange)
    openBelowFreeze(q, (await side(sc, sc.t.ra)).rescue, { remote: 'member' })
    await cedar.done
    expect(cedar.log?.heldUntil?.(0, 6)).toBe(4)
    // The silent member answers at last, honestly: taken as known, not refused.
    silent.send(1, answer(sc.t.key, 0, await honestBlocks(sc)))
    // Then asks Cedar for block 0: answered after the late answer (one channel, in order), from
    // Cedar's rescue store, with no refusal between.
    silent.send(0, new ByteWriter().hex32(sc.t.key).u32(0).u8(1).done())
    const got = await silent.answered
    expect(Buffer.from(got.subarray(0, 37))).toEqual(Buffer.from(new ByteWriter().hex32(sc.t.key).u32(0).u8(1).done()))
    expect(cedar.refusals).toEqual([])
  })
})

describe('the rescue store', () => {
  it.each(['a changed byte', 'a torn last record'])('damaged (%s): a coded error, the file kept aside whole, the blocks fetched again', async (damage) => {
    const sc = await scene()
    const dir = tempDir()
    const first = await side(sc, await emptyCopy(sc), dir)
    const [x, y] = pair()
    openBelowFreeze(x, first.rescue, { remote: 'member' })
    openBelowFreeze(y, (await side(sc, sc.t.ra)).rescue, { remote: 'member' })
    await first.done
    const [file] = listFiles(dir)
    const good = readFileSync(file as string)
    if (damage === 'a changed byte') {
      const bad = Buffer.from(good)
      bad[60] = (bad[60] as number) ^ 1
      writeFileSync(file as string, bad)
    } else truncateSync(file as string, good.length - 10)
    const kept = readFileSync(file as string)

    const again = await side(sc, await emptyCopy(sc), dir)
    expect(again.damaged).toEqual(['LOG_CORRUPT'])
    expect(readFileSync(`${file as string}.damaged`)).toEqual(kept)
    expect(existsSync(file as string)).toBe(false)
    expect([...again.rescue.wanted()]).toEqual([{ log: sc.t.key, from: 0, end: 4 }])
    const [p, q] = pair()
    openBelowFreeze(p, again.rescue, { remote: 'member' })
    openBelowFreeze(q, (await side(sc, sc.t.ra)).rescue, { remote: 'member' })
    await again.done
    expect(readFileSync(file as string)).toEqual(good)
    // A third open reads it whole.
    const third = await side(sc, await emptyCopy(sc), dir)
    expect(third.damaged).toEqual([])
    expect(third.log?.heldUntil?.(0, 6)).toBe(4)
  })
})

describe("the log's own writer", () => {

  it.each([
    { remote: 'mallory', owner: 'mallory' },
    { remote: 'alder', owner: 'mallory' },
    { remote: 'alder', owner: undefined },
    { remote: null, owner: 'mallory' },
  ])('asks the remote ($remote) only when it is not the member who wrote the log ($owner), and nobody when that is unknown', async ({ remote, owner }) => {
    const plain = await scene()
    const sc: Scene = { t: plain.t, ev: { ...plain.ev, member: owner } as ForkEvidence }
    const cedar = await side(sc, await emptyCopy(sc))
    expect(cedar.rescue.writtenBy(sc.t.key)).toBe(owner)
    const [x, y] = pair()
    openBelowFreeze(x, cedar.rescue, { remote })
    const h = hostile(y)
    // Cedar pumps its asks when the channel opens, before it serves what came after the open: so
    // when its "none" to our ask arrives, any ask of its own has arrived first.
    h.send(0, new ByteWriter().hex32(sc.t.key).u32(0).u8(1).done())
    await h.none
    expect(h.heardAsk(), `seed ${testSeed()}`).toBe(owner !== undefined && remote !== null && remote !== owner)
  })

  it('a pair she signs that no honest copy holds is what she alone would serve: taken from anyone else but her, so never asked of her', async () => {
    const sc = await scene()
    // A third pair under her key, sharing blocks 0..3 that are not the ones honest copies hold.
    const f = await twins(5, 1, sc.t.kp)
    const [fa, fb] = [await readSignedState(f.ra, null), await readSignedState(f.rb, null)]
    const forged = makeEvidence(sc.t.key, sc.t.kp.publicKey, treesPart(fa, fb) as number, fa, fb, encodeSignedState) as ForkEvidence
    const fsc: Scene = { t: sc.t, ev: { ...forged, member: 'mallory' } as ForkEvidence }
    // An honest copy (version A) serves nothing against it: its paths climb to other roots.
    expect(await (await side(fsc, sc.t.ra)).rescue.serve(sc.t.key, 0, 4)).toEqual([])
    // Mallory's machine serves her forged blocks; a newcomer whose copy heard no length takes them
    // from whoever serves them, which is why the exchange never asks the writer (test above).
    const mallory = await side(fsc, f.ra)
    expect((await mallory.rescue.serve(sc.t.key, 0, 4)).length).toBe(4)
    const cedar = await side(fsc, await emptyCopy(sc))
    const [x, y] = pair()
    openBelowFreeze(x, cedar.rescue, { remote: 'someone' })
    openBelowFreeze(y, mallory.rescue, { remote: 'member' })
    await cedar.done
    expect(hexOf(await (cedar.log as PeerLog).get(0)), `seed ${testSeed()}`).toBe(hexOf(await f.ra.get(0, { wait: false })))
    expect(hexOf(await (cedar.log as PeerLog).get(0))).not.toBe(hexOf(await sc.t.ra.get(0, { wait: false })))
  })
})
