/**
 * Two joiners race for a one-use invite, each in its own process (sync issue, "Must show"):
 * exactly one is admitted, the other is told the invite is used up, and every peer agrees.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

describe('racing for a one-use invite', () => {
  it('admits exactly one joiner, and both peers agree which', async () => {
    const boot = await scene.testnet()
    const [a, x, y] = await Promise.all(['a', 'x', 'y'].map((n) => scene.start(path.join(tempDir(), n), boot)))
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
