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
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { seekQuotaEnd } from '../../../core/store/quota-end.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { link, useCorestores } from '../../helpers/corestores.ts'

const store = useCorestores()
const rnd = seededRandom(testSeed())
const Q = 64 * 1024
afterEach(async () => {
  delete process.env[TEST_QUOTA_ENV]
})

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
    const ws = store()
    const ks = store()
    const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
    await writer.ready()
    const flood = async (): Promise<void> => {
      while (writer.byteLength < 32 * Q) await writer.append(rnd.bytes(1_500 + Math.floor(rnd.next() * 1_000)), { keyPair: kp })
    }
    if (when === 'written before the keeper connects') await flood()
    const cut = link(ws, ks)
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
    const ns = store()
    link(ks, ns)
    const newcomer = ns.get({ key: writer.key as Uint8Array })
    await newcomer.ready()
    await newcomer.download({ start: 0, end }).done()
    expect((await bytesHeld(newcomer)).blocks).toBe(end)
  })
})
