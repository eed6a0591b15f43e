/**
 * A host whose group's docs rest between calls (issue 19, core/group/doc-rest.ts), across real
 * processes on a loopback testnet, with the peers started in both orders: the resting host serves
 * a joiner (admission, welcome, its logs), ingests the joiner's words and shows them, and the
 * joiner sees the host's. The host's rest time is 0, so its docs rest as soon as each call ends
 * and every call wakes them (groupStatus says they were resting). Once more with both peers
 * started under a CPU hog on every core.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCpuHog } from '../../helpers/cpu-hog.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const peers = usePeerScene()

describe('a host whose docs rest', () => {
  for (const [order, hogged] of [['host first', false], ['joiner first', false], ['host first', true]] as const) {
    it(`serves a joiner, ingests its words and shows them (${order}${hogged ? ', CPU hog on every core' : ''})`, async () => {
      const hog = hogged ? startCpuHog() : null
      try {
        await scene(order)
      } finally {
        await hog?.stop()
      }
    }, 240_000)
  }
})

async function scene(order: 'host first' | 'joiner first'): Promise<void> {
  const boot = await peers.testnet()
  const start = order === 'host first' ? ['host', 'joiner'] : ['joiner', 'host']
  const started = new Map<string, Peer>()
  for (const who of start) started.set(who, who === 'host' ? await peers.member(path.join(tempDir(), 'Alder'), boot, 'Alder', { HEARTH_REST_AFTER_MS: '0' }) : await peers.member(path.join(tempDir(), 'Birch'), boot, 'Birch'))
  const a = started.get('host') as Peer
  const b = started.get('joiner') as Peer

  const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
  const first = await a.ok('post', { groupId, text: 'welcome, whoever comes' })
  const invite = await a.ok('createInvite', { groupId })
  await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
  // The docs rest once a call is over: the next call finds them resting.
  await a.until(async () => (await a.ok('groupStatus', { groupId })).docsResting === true)

  const joined = await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
  expect(joined).toEqual({ group: groupId, status: 'admitted' })
  await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === first.id))

  const words = await b.ok('post', { groupId, text: 'glad to be here' })
  await b.ok('reply', { groupId, to: first.id, text: 'thank you' })
  await a.until(async () => {
    const feed = await a.ok('feed', { groupId })
    return feed.posts.some((p) => p.id === words.id) && feed.posts.find((p) => p.id === first.id)?.replyCount === 1
  })
  expect((await a.ok('members', { groupId })).map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch'])
  // The host writes again after waking, and the joiner reads it.
  const again = await a.ok('post', { groupId, text: 'good to see you' })
  await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === again.id))
  expect((await a.ok('groupStatus', { groupId })).docsResting).toBe(true)
}
