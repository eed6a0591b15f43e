/**
 * A flooding member is bounded (issue 14). Two OS processes on a loopback testnet: Alder, an
 * honest node (test/integration/sync/peer.child.ts), and a member admitted by invite who appends
 * 100,000 small posts and then blocks at the 1 MiB size limit to its own log as fast as it can
 * (flood-member.child.ts). While the flood arrives, Alder keeps answering status and feed; when
 * Alder shows the flooder's last post, its peak resident memory (VmHWM, read from /proc) must be
 * under FLOOD_RSS_BOUND. The figure is printed and recorded in docs/benchmarks.md.
 * HEARTH_FLOOD_SMALL and HEARTH_FLOOD_LARGE change the counts (defaults 100,000 and 200).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { startTestnet, type Testnet } from '../net/net-harness.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const FLOODER = fileURLToPath(new URL('./flood-member.child.ts', import.meta.url))
const SMALL = Number(process.env.HEARTH_FLOOD_SMALL ?? 100_000)
const LARGE = Number(process.env.HEARTH_FLOOD_LARGE ?? 200)
/**
 * The stated bound (docs/decisions.md, 2026-12-06): an honest node's peak RSS under this flood.
 * Measured on the 2-core test machine (docs/benchmarks.md): about 210 MiB for a node at rest,
 * about 310 MiB with 200 refused size-limit blocks, about 900 MiB with 100,000 accepted posts
 * (those are kept: they are the member's doc), about 1,100 MiB with both.
 */
const FLOOD_RSS_BOUND = 1.5 * 1024 * 1024 * 1024
let testnet: Testnet | null = null
const peers: Peer[] = []
let flooder: Child | null = null

afterEach(async () => {
  flooder?.proc.stdin?.end()
  if (flooder) {
    const t = setTimeout(() => flooder?.proc.kill('SIGKILL'), 10_000)
    await flooder.exited
    clearTimeout(t)
  }
  flooder = null
  await Promise.all(peers.splice(0).map((p) => p.stop()))
  await testnet?.destroy()
  testnet = null
})

function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(m?.[1] ?? NaN) * 1024
}

describe('a flooding member', () => {
  it('cannot push an honest node past its memory bound nor stop it answering', async () => {
    testnet = await startTestnet()
    const boot = `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
    const alder = await startPeer(path.join(tempDir(), 'alder'), boot, { HEARTH_PEER_LIFETIME_MS: '1500000' })
    peers.push(alder)
    await alder.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
    const invite = await alder.ok('createInvite', { groupId })

    flooder = spawnTs(FLOODER, [path.join(tempDir(), 'flood'), boot, invite.code, String(SMALL), String(LARGE)], {}, { stdin: true })
    let flooded = false
    void flooder.waitForLine((l) => l.startsWith('flooded '), 1_200_000).then(() => { flooded = true }, () => undefined)

    // Alder answers status and feed all through the flood, until it shows the flooder's last post.
    let answers = 0
    let last = ''
    while (last !== 'sentinel after the flood') {
      expect((await alder.call('groupStatus', { groupId }, 60_000)).ok).toBe(true)
      const page = await alder.ok('feed', { groupId, limit: 1 }, 60_000)
      last = page.posts[0]?.text ?? ''
      answers++
      if (last !== 'sentinel after the flood') await new Promise((r) => setTimeout(r, 500))
    }
    expect(flooded).toBe(true)
    const peak = peakRss(alder.child.proc.pid as number)
    process.stdout.write(`flood: ${SMALL} small + ${LARGE} size-limit blocks; honest node peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB; ${answers} status+feed answers during the flood\n`)
    expect(peak).toBeLessThan(FLOOD_RSS_BOUND)
    expect(answers).toBeGreaterThan(1)
  }, 1_500_000)
})
