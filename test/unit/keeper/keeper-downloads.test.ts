/**
 * The keeper bounded by the per-log byte budget (keeper-downloads.ts): a log written far past Q,
 * in a real Hypercore on a temp folder, replicated to a keeper's own Corestore that holds no read
 * key. The keeper fetches every block before the quota end E (they speak: members read them
 * through it) and stops there; it holds far less than was written; a newcomer then reads every
 * block before E from the keeper alone. Q is the test knob.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_QUOTA_ENV } from '../../../core/group/log-quota.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { KeeperDownloads } from '../../../core/keeper/keeper-downloads.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession } from '../../../core/store/holepunch.ts'
import { seekQuotaEnd } from '../../../core/store/quota-end.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const stores: CorestoreInstance[] = []
const rnd = seededRandom(testSeed())
const Q = 64 * 1024
afterEach(async () => {
  delete process.env[TEST_QUOTA_ENV]
  for (const s of stores.splice(0)) await s.close()
})

type Duplex = NodeJS.ReadWriteStream & { destroy(): void }
const replicate = (s: CorestoreInstance, initiator: boolean): Duplex => (s as unknown as { replicate(i: boolean): Duplex }).replicate(initiator)

async function bytesHeld(core: HypercoreSession): Promise<{ blocks: number; bytes: number }> {
  let blocks = 0
  let bytes = 0
  for (let i = 0; i < core.length; i++) {
    const b = await core.get(i, { wait: false })
    if (b) {
      blocks++
      bytes += b.byteLength
    }
  }
  return { blocks, bytes }
}

describe('the keeper and the per-log budget', () => {
  for (const when of ['written before the keeper connects', 'written while the keeper follows'] as const) it(`fetches up to the quota end and no further (${when})`, async () => {
    process.env[TEST_QUOTA_ENV] = String(Q)
    const ws = new Corestore(tempDir())
    const ks = new Corestore(tempDir())
    stores.push(ws, ks)
    const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
    await writer.ready()
    const flood = async (): Promise<void> => {
      while (writer.byteLength < 32 * Q) await writer.append(rnd.bytes(1_500 + Math.floor(rnd.next() * 1_000)), { keyPair: kp })
    }
    if (when === 'written before the keeper connects') await flood()
    const a = replicate(ws, true)
    const b = replicate(ks, false)
    a.pipe(b).pipe(a)
    const cut = (): void => {
      a.destroy()
      b.destroy()
    }
    const kept = ks.get({ key: writer.key as Uint8Array })
    await kept.ready()
    const downloads = new KeeperDownloads()
    downloads.follow('log', kept)
    if (when === 'written while the keeper follows') await flood()
    const end = (await seekQuotaEnd(writer, Q)) as number
    expect(end).toBeGreaterThan(10)
    // Every block that speaks reaches the keeper.
    await kept.download({ start: 0, end }).done()
    await downloads.settled('log')
    expect(downloads.endOf('log')).toBe(end)
    const held = await bytesHeld(kept)
    process.stdout.write(`keeper per-log budget (${when}, seed ${testSeed()}): Q ${Q} B, E ${end}, written ${writer.byteLength} B in ${writer.length} blocks; keeper holds ${held.bytes} B in ${held.blocks} blocks\n`)
    expect(held.blocks).toBeGreaterThanOrEqual(end)
    // What was in flight when the budget was seen passed may still come; the flood does not.
    expect(held.bytes).toBeLessThan(writer.byteLength / 2)

    // The writer gone, a newcomer reads every block that speaks from the keeper alone, even with
    // the blocks in flight past E held scattered there.
    cut()
    const ns = new Corestore(tempDir())
    stores.push(ns)
    const c = replicate(ks, true)
    const d = replicate(ns, false)
    c.pipe(d).pipe(c)
    const newcomer = ns.get({ key: writer.key as Uint8Array })
    await newcomer.ready()
    await newcomer.download({ start: 0, end }).done()
    expect((await bytesHeld(newcomer)).blocks).toBe(end)
  })
})
