/**
 * The fork watch against real Hypercore replication (two Corestores in temp folders, piped
 * together in one process): a writer truncates what a reader has read and writes something else;
 * Hypercore reorganises the reader's copy, and the watch still proves the first version from its
 * snapshot. The group space is a stand-in here (only `next` and `reportFork` are used); the
 * four-process test (test/integration/moderation/rewritten-history.test.ts) runs the real one.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { bothBlocks, checkEvidence, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { ForkWatch } from '../../../core/group/fork-watch.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession, type KeyPair } from '../../../core/store/holepunch.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const stores: CorestoreInstance[] = []
const watches: ForkWatch[] = []
afterEach(async () => {
  for (const w of watches.splice(0)) await w.close()
  for (const s of stores.splice(0)) await s.close()
})

type Writer = HypercoreSession & { truncate(n: number, o: { keyPair: KeyPair }): Promise<void> }

async function pair(): Promise<{ writer: Writer; kp: KeyPair; reader: HypercoreSession; key: string }> {
  const [ws, rs] = [new Corestore(tempDir()), new Corestore(tempDir())]
  stores.push(ws, rs)
  const kp = fastProvider.signKeyPairFromSeed(seededRandom(testSeed()).bytes(32))
  const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } }) as Writer
  await writer.ready()
  const reader = rs.get({ key: writer.key as Uint8Array })
  await reader.ready()
  const replicate = (s: CorestoreInstance, initiator: boolean): NodeJS.ReadWriteStream => (s as unknown as { replicate(i: boolean): NodeJS.ReadWriteStream }).replicate(initiator)
  const a = replicate(ws, true)
  const b = replicate(rs, false)
  a.pipe(b).pipe(a)
  return { writer, kp, reader, key: Buffer.from(writer.key as Uint8Array).toString('hex') }
}

function stand(key: string): { space: GroupSpace; reports: ForkEvidence[]; read(n: number): void } {
  const next = new Map<string, number>()
  const reports: ForkEvidence[] = []
  const space = { next, reportFork: async (e: ForkEvidence) => (reports.push(e), true) } as unknown as GroupSpace
  return { space, reports, read: (n) => next.set(key, n) }
}

const until = async (probe: () => Promise<boolean> | boolean): Promise<void> => {
  while (!(await probe())) await new Promise((r) => setTimeout(r, 20))
}

describe('the fork watch', () => {
  it('proves the version it read after Hypercore dropped it, with the block written in its place', async () => {
    const { writer, kp, reader, key } = await pair()
    const s = stand(key)
    const watch = new ForkWatch(s.space)
    watches.push(watch)
    await watch.watch(key, reader)
    for (const w of ['one', 'two', 'the first version']) await writer.append(Buffer.from(w), { keyPair: kp })
    await reader.download({ start: 0, end: 3 }).done()
    expect(await watch.beforeRead(key)).toBe(true)
    s.read(3)

    let truncated = false
    reader.on('truncate', () => (truncated = true))
    await writer.truncate(2, { keyPair: kp })
    await writer.append(Buffer.from('the second version'), { keyPair: kp })
    await until(() => truncated)
    // Keep reading as GroupOnline would, until the watch has both versions on record.
    await until(async () => {
      await watch.beforeRead(key)
      return s.reports.some(bothBlocks)
    })
    const ev = s.reports.find(bothBlocks) as ForkEvidence
    const checked = checkEvidence(ev)
    expect(checked?.index).toBe(2)
    expect([checked?.a.block?.value, checked?.b.block?.value].map((v) => Buffer.from(v ?? []).toString())).toEqual(['the first version', 'the second version'])
    // Hypercore itself no longer holds the first version.
    expect(Buffer.from((await reader.get(2, { wait: false })) ?? []).toString()).toBe('the second version')
  })

  it('reports a block taken back at once, and both versions once something else is written there', async () => {
    const { writer, kp, reader, key } = await pair()
    const s = stand(key)
    const watch = new ForkWatch(s.space)
    watches.push(watch)
    await watch.watch(key, reader)
    for (const w of ['one', 'words later taken back']) await writer.append(Buffer.from(w), { keyPair: kp })
    await reader.download({ start: 0, end: 2 }).done()
    await watch.beforeRead(key)
    s.read(2)

    await writer.truncate(1, { keyPair: kp })
    await until(() => reader.fork === 1)
    await until(async () => (await watch.beforeRead(key), s.reports.length > 0))
    expect(s.reports).toHaveLength(1)
    expect(checkEvidence(s.reports[0] as ForkEvidence)?.index).toBe(1)
    expect(bothBlocks(s.reports[0] as ForkEvidence)).toBe(false)

    await writer.append(Buffer.from('other words'), { keyPair: kp })
    await until(async () => (await watch.beforeRead(key), s.reports.length > 1))
    expect(s.reports.map(bothBlocks)).toEqual([false, true])
  })

  it('reports nothing when only blocks it never read were dropped', async () => {
    const { writer, kp, reader, key } = await pair()
    const s = stand(key)
    const watch = new ForkWatch(s.space)
    watches.push(watch)
    await watch.watch(key, reader)
    for (const w of ['one', 'two', 'three']) await writer.append(Buffer.from(w), { keyPair: kp })
    await reader.download({ start: 0, end: 3 }).done()
    await watch.beforeRead(key)
    s.read(2)
    await writer.truncate(2, { keyPair: kp })
    await writer.append(Buffer.from('three, again'), { keyPair: kp })
    await until(() => reader.fork === 1)
    await until(async () => (await reader.get(2, { wait: false })) !== null || (reader.download({ blocks: [2] }), false))
    expect(await watch.beforeRead(key)).toBe(true)
    expect(s.reports).toEqual([])
  })
})
