/**
 * The peers of one multi-process test: a loopback testnet and one OS process per peer
 * (test/helpers/peer.ts), every peer stopped and the testnet destroyed after each test, whatever
 * happened. `member` starts a peer and makes or unlocks its profile, as most such tests begin.
 */
import { afterEach } from 'vitest'
import type { GroupMeta } from '../../../core/group/group-meta.ts'
import { Vault } from '../../../core/store/vault.ts'
import { PROFILE_CALL_MS, startPeer, type Peer } from '../../helpers/peer.ts'
import { startTestnet, type Testnet } from '../net/net-harness.ts'

export const PASS = 'correct horse battery staple'

/** A stopped peer's sealed group meta, read from its vault (the first-sync mark's tests). */
export async function metaOf(dir: string, groupId: string): Promise<GroupMeta> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  try {
    return JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`))) as GroupMeta
  } finally {
    vault.lock()
  }
}

export interface PeerScene {
  /** Starts this test's testnet; its bootstrap as HOST:PORT. */
  testnet(): Promise<string>
  start(dir: string, boot: string, env?: NodeJS.ProcessEnv): Promise<Peer>
  /** Starts a peer, then creates its profile under `name`, or unlocks it when `name` is null. */
  member(dir: string, boot: string, name: string | null, env?: NodeJS.ProcessEnv): Promise<Peer>
  stop(p: Peer): Promise<void>
}

export function usePeerScene(opts: { readyMs?: number } = {}): PeerScene {
  let testnet: Testnet | null = null
  const running = new Set<Peer>()
  afterEach(async () => {
    await Promise.all([...running].map((p) => p.stop()))
    running.clear()
    await testnet?.destroy()
    testnet = null
  })
  const scene: PeerScene = {
    async testnet() {
      testnet = await startTestnet()
      return `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
    },
    async start(dir, boot, env = {}) {
      const p = await startPeer(dir, boot, env, opts.readyMs ? { readyMs: opts.readyMs } : {})
      running.add(p)
      return p
    },
    async member(dir, boot, name, env = {}) {
      const p = await scene.start(dir, boot, env)
      if (name) await p.ok('createProfile', { passphrase: PASS, name }, PROFILE_CALL_MS)
      else await p.ok('unlock', { passphrase: PASS }, PROFILE_CALL_MS)
      return p
    },
    async stop(p) {
      running.delete(p)
      await p.stop()
    },
  }
  return scene
}
