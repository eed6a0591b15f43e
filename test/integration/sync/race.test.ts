/**
 * Two joiners race for a one-use invite, each in its own process (sync issue, "Must show"):
 * exactly one is admitted, the other is told the invite is used up, and every peer agrees.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { startTestnet, type Testnet } from '../net/net-harness.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
let testnet: Testnet | null = null
const peers: Peer[] = []

afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()))
  await testnet?.destroy()
  testnet = null
})

describe('racing for a one-use invite', () => {
  it('admits exactly one joiner, and both peers agree which', async () => {
    testnet = await startTestnet()
    const boot = `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
    const [a, x, y] = await Promise.all(['a', 'x', 'y'].map((n) => startPeer(path.join(tempDir(), n), boot)))
    peers.push(a as Peer, x as Peer, y as Peer)
    await a!.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await x!.ok('createProfile', { passphrase: PASS, name: 'Xan' })
    await y!.ok('createProfile', { passphrase: PASS, name: 'Yew' })
    const { id: groupId } = await a!.ok('createGroup', { name: 'Circle' })
    const { code } = await a!.ok('createInvite', { groupId, uses: 1 })

    const results = await Promise.all([x!, y!].map((p) => p.call('joinGroup', { code, waitMs: 8_000 }, 20_000)))
    const admitted = results.filter((r) => r.ok && r.value.status === 'admitted')
    expect(admitted).toHaveLength(1)
    const loser = results.find((r) => !r.ok)
    expect(['INVITE_USED_UP', 'NO_MEMBER_REACHABLE']).toContain(loser && !loser.ok ? loser.error.code : 'none')

    const winner = results[0]?.ok ? x! : y!
    await winner.until(async () => (await winner.ok('members', { groupId })).length === 2)
    const names = async (p: Peer) => (await p.ok('members', { groupId })).map((m) => m.pseudonym).sort()
    expect(await names(winner)).toEqual(await names(a!))
    expect((await names(a!)).length).toBe(2)
  })
})
