/**
 * For tests of the real `hearth` command on a network: one loopback testnet and one temp folder
 * for the whole file, made before its tests and removed after. Read `boot` (`host:port`) and
 * `root` inside tests or hooks, once the set-up has run.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll } from 'vitest'
import { makeTempDir } from './temp-dir.ts'
import { startTestnet, type Testnet } from '../integration/net/net-harness.ts'

export interface CliTestnet {
  readonly boot: string
  readonly root: string
}

export function useCliTestnet(): CliTestnet {
  let testnet: Testnet | null = null
  const state = { boot: '', root: '' }
  beforeAll(async () => {
    testnet = await startTestnet()
    state.boot = `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
    state.root = makeTempDir()
  })
  afterAll(async () => {
    await testnet?.destroy()
    rmSync(state.root, { recursive: true, force: true })
  })
  return state
}
