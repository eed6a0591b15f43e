/**
 * One device log's key pair run on two machines, each writing one different block after `shared`
 * common ones, so both versions have one length; a reader of each, in its own real Corestore on
 * a temp folder, holding it whole. For the tree exchange and evidence tests.
 */
import { afterEach } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Corestore, type CorestoreInstance, type HypercoreSession, type KeyPair } from '../../../core/store/holepunch.ts'
import { link } from '../../helpers/corestores.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

export interface Twins {
  kp: KeyPair
  key: string
  /** Readers holding machine A's and machine B's version, each whole, in their own Corestore. */
  ra: HypercoreSession
  rb: HypercoreSession
  a: HypercoreSession
  b: HypercoreSession
}

/** Call once at the top of a test file: stores close after each test. */
export function useTwinCores(): { store(): CorestoreInstance; twins(shared: number, salt?: number, keyPair?: KeyPair): Promise<Twins> } {
  const tempDir = useTempDirs()
  const stores: CorestoreInstance[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close().catch(() => undefined)
  })
  const store = (): CorestoreInstance => {
    const s = new Corestore(tempDir())
    stores.push(s)
    return s
  }
  /** `keyPair`: the writer's key pair, to sign another pair of versions of the same log (blocks from `salt`). */
  async function twins(shared: number, salt = 0, keyPair?: KeyPair): Promise<Twins> {
    const rnd = seededRandom(testSeed() + salt)
    const seedKp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    const kp = keyPair ?? seedKp
    const manifest = { version: 1 as const, signers: [{ publicKey: kp.publicKey }] }
    const a = store().get({ manifest })
    const b = store().get({ manifest })
    await a.ready()
    await b.ready()
    for (let i = 0; i < shared; i++) {
      const block = rnd.bytes(40)
      await a.append(block, { keyPair: kp })
      await b.append(block, { keyPair: kp })
    }
    await a.append(Buffer.from('words on machine A'), { keyPair: kp })
    await b.append(Buffer.from('words on machine B'), { keyPair: kp })
    const reader = async (from: HypercoreSession): Promise<HypercoreSession> => {
      const r = store().get({ key: from.key as Uint8Array })
      await r.ready()
      link(r, from)
      await r.download({ start: 0, end: from.length }).done()
      return r
    }
    return { kp, key: Buffer.from(a.key as Uint8Array).toString('hex'), ra: await reader(a), rb: await reader(b), a, b }
  }
  return { store, twins }
}
