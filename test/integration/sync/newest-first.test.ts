/**
 * The newest words first for a newcomer (issue 19, core/group/tail-preview.ts), across processes
 * on a loopback testnet. A hosts a group whose members' logs hold shared checkpoints (built as the
 * benchmark's group is) and hides the two newest posts of other members as a facilitator — words in A's tail, after
 * its checkpoint — then posts on, so the hides are reached only through A's latest tail index
 * (core/group/tail-index.ts): the newcomer's first page is read from suffixes. B joins by code and is asked for its first page again and again while it syncs:
 * no page ever shows a hidden post, every post on any page is A's post word for word, a page read
 * from the tails is A's newest posts (a prefix of A's feed) or empty, the first
 * full page comes while B's history is still incomplete, and once the history is whole B's feed
 * is A's, page by page. Peers started in both orders (the joiner looking before the host is
 * online), and once under a CPU hog on every core.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FeedPost } from '../../../core/api.ts'
import { buildBigGroup } from '../../../scripts/bench/big-group.ts'
import { TAIL_INDEX_WINDOW } from '../../../core/group/tail-index.ts'
import { startCpuHog } from '../../helpers/cpu-hog.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

/** Past TAIL_INDEX_WINDOW: the hides fall out of the newest blocks a newcomer fetches first. */
const AFTER_HIDES = TAIL_INDEX_WINDOW + 20

const strip = (p: FeedPost): string => JSON.stringify(p, (k, v: unknown) => (k === 'mine' ? undefined : v))

describe('a newcomer’s first page', () => {
  for (const [order, hogged] of [['host first', false], ['joiner first', false], ['host first', true]] as const) {
    it(`shows only what a full read shows, before the history is whole, and ends as the full read (${order}${hogged ? ', CPU hog on every core' : ''})`, async () => {
      const hog = hogged ? startCpuHog() : null
      try {
        await firstPage(order)
      } finally {
        await hog?.stop()
      }
    }, 300_000)
  }
})

async function firstPage(order: 'host first' | 'joiner first'): Promise<void> {
  const boot = await scene.testnet()
  const root = tempDir()
  // 3 members × 1,200 updates: each log gets checkpoints and a tail after the latest.
  const { groupId } = await buildBigGroup(path.join(root, 'a'), PASS, 3_600, 3)
  const startHost = async (): Promise<Peer> => {
    const a = await scene.start(path.join(root, 'a'), boot)
    await a.ok('unlock', { passphrase: PASS })
    return a
  }
  let a = await startHost()
  // Others' posts: a hidden post still shows to its own author, here A.
  const { me } = await a.ok('groupInfo', { groupId })
  const newest = (await a.ok('feed', { groupId, limit: 20 })).posts.filter((p) => p.author !== me).slice(0, 2)
  for (const p of newest) await a.ok('moderate', { groupId, to: p.id, action: 'hide', reason: 'other' })
  const hidden = new Set(newest.map((p) => p.id))
  // A writes on past two tail indexes (core/group/tail-index.ts): the hides are then neither in
  // A's newest blocks nor its suffix, only in what its latest index lists.
  for (let i = 0; i < AFTER_HIDES; i++) await a.ok('post', { groupId, text: `after the hides ${i}` })
  const { code } = await a.ok('createInvite', { groupId })
  const all = new Map<string, string>()
  for (let next: string | null | undefined; next !== null;) {
    const page = await a.ok('feed', { groupId, limit: 100, ...(next ? { before: next } : {}) })
    for (const p of page.posts) all.set(p.id, strip(p))
    next = page.next
  }
  expect([...hidden].some((id) => all.has(id))).toBe(false)
  const newestIds = [...all.keys()]

  const b = await scene.start(path.join(root, 'b'), boot)
  await b.ok('createProfile', { passphrase: PASS, name: 'Newcomer' })
  let joined: Promise<unknown>
  if (order === 'joiner first') {
    // The host goes away; the newcomer starts looking; the host comes back.
    await scene.stop(a)
    joined = b.ok('joinGroup', { code, waitMs: 120_000 }, 150_000)
    a = await startHost()
  } else {
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 60_000)
    joined = b.ok('joinGroup', { code, waitMs: 60_000 }, 90_000)
  }
  await joined

  let previews = 0
  let shown = 0
  let fullPageWhileIncomplete = false
  let whole = false
  while (!whole) {
    const page = await b.ok('feed', { groupId, limit: 20 })
    if (page.preview) previews++
    if (page.preview && page.posts.length) shown++
    // A preview is the host's newest posts, a prefix of its feed, or nothing (reader-source.ts).
    if (page.preview) expect(page.posts.map((p) => p.id), 'a preview that is not the host’s newest posts').toEqual(newestIds.slice(0, page.posts.length))
    for (const p of page.posts) {
      expect(hidden.has(p.id), 'a hidden post on the newcomer’s page').toBe(false)
      expect(strip(p), `a post the host does not show so (on a page ${page.preview ? 'marked preview' : 'not marked preview'})`).toBe(all.get(p.id))
    }
    const status = await b.ok('groupStatus', { groupId })
    if (page.posts.length === 20 && (status.historyLeft ?? 0) > 0) fullPageWhileIncomplete = true
    whole = (status.historyLeft ?? 0) === 0 && !page.preview && page.posts.length === 20
    if (!whole) await new Promise((r) => setTimeout(r, 100))
  }
  console.log(`newest-first (${order}): ${previews} page(s) marked preview before the checkpoints, ${shown} of them with posts (the rest "still arriving")`)
  expect(fullPageWhileIncomplete).toBe(true)
  // The whole history: B's feed is A's, page by page.
  const pageOf = async (p: Peer, before?: string): Promise<string> =>
    JSON.stringify((await p.ok('feed', { groupId, limit: 100, ...(before ? { before } : {}) })).posts.map(strip))
  for (const at of [undefined, 1_700_000_100_000, 1_700_000_600_000]) {
    const before = at === undefined ? undefined : `${at}~${'f'.repeat(64)}:${'f'.repeat(16)}`
    const theirs = await pageOf(a, before)
    expect(JSON.parse(theirs).length).toBe(100)
    expect(await pageOf(b, before)).toBe(theirs)
  }
}
