/**
 * The keeper (issue 15), one OS process per node on a loopback testnet: the keeper
 * (`hearth keeper serve`, the real CLI) and Hearth members (test/helpers/peer.ts).
 *
 * 1. Post → visible through the keeper. Members A and B share two groups: "direct" has no
 *    keeper, so A and B are connected to each other; "kept" has the keeper and both are
 *    keeper-only there (never connected to each other: checked before and after). A posts in
 *    the two groups in turn and the time until B's feed shows the post is taken for each, so
 *    both figures come from the same processes under the same load. The direct figure is the
 *    anchor (target: keeper p50 ≤ 2× direct p50); a raw Hyperswarm round trip is printed beside.
 * 2. Initial sync of a large group (scripts/bench/big-group.ts, `--updates N`, 20 members):
 *    from a member (newcomer N1 joins while A, the only other node, stays online) and from the
 *    keeper alone (after the keeper holds the group, newcomer N2 is admitted by A, which stops
 *    as soon as N2 is admitted; the blocks N2 held then are printed). Target: from the
 *    keeper no slower than from a member (keeper-initial.ts).
 * 3. The keeper's memory (RSS from /proc) and disk (its profile folder) with no group, after the
 *    small groups, and after the large one.
 *
 *    With `--alone`, part 2 is the initial sync from the keeper ALONE instead: the newcomer joins
 *    through the keeper's mailbox while no member is online (keeper-alone.ts), beside the same
 *    newcomer's sync from a member. `--posts 0` leaves part 1 out.
 *
 *   npx tsx scripts/bench/keeper.ts [--posts 100] [--updates 100000] [--alone] [--hog]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { startKeeper, type KeeperProcess } from '../../test/helpers/keeper-process.ts'
import { createRequire } from 'node:module'
import { startCpuHog } from '../soak/cpu-hog.ts'
import { pct, until, uptime } from './bench-util.ts'
import { rawRoundTrip } from './raw-net.ts'
import { initialSyncBench, keeperFootprint, PASS, type Footprint, type InitialSync } from './keeper-initial.ts'
import { aloneSyncBench, printAlone, type AloneSync } from './keeper-alone.ts'

const { values } = parseArgs({ options: { posts: { type: 'string' }, updates: { type: 'string' }, hog: { type: 'boolean' }, alone: { type: 'boolean' } } })
const POSTS = Number(values.posts ?? 100)
const UPDATES = Number(values.updates ?? 100_000)
const before = uptime()
const hog = values.hog ? startCpuHog() : null

const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-keeper-'))
// Every node on 127.0.0.1, as in scripts/bench/sync.ts: the direct anchor and the keeper path meet the same way.
const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
const net = await createTestnet(3, { host: '127.0.0.1' })
const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
const peers: Peer[] = []
let keeper: KeeperProcess | null = null
const direct: number[] = []
const kept: number[] = []
let raw: number[] = []
const footprint: { when: string; at: Footprint }[] = []
let initial: InitialSync | null = null
let alone: AloneSync | null = null
try {
  // Up for the whole run: a 100,000-update run outlasts the helper's 600 s.
  keeper = await startKeeper(path.join(root, 'k'), boot, ['--for', '7200'])
  footprint.push({ when: 'no group', at: keeperFootprint(keeper, path.join(root, 'k')) })
  if (POSTS > 0) await postToVisible()
  if (UPDATES > 0 && values.alone) alone = await aloneSyncBench({ root, boot, keeper, updates: UPDATES, peers, footprint })
  else if (UPDATES > 0) initial = await initialSyncBench({ root, boot, keeper, updates: UPDATES, peers, footprint })
} finally {
  await Promise.all(peers.map((p) => p.stop()))
  await keeper?.stop().catch(() => undefined)
  await net.destroy()
  await hog?.stop()
  rmSync(root, { recursive: true, force: true })
}

/** Part 1: A and B, a group without the keeper and one with it, posts taken in turn. */
async function postToVisible(): Promise<void> {
  if (!keeper) return
  const a = await start('Alder')
  const b = await start('Birch')
  const join = async (groupId: string): Promise<void> => {
    const { code } = await a.ok('createInvite', { groupId })
    await b.ok('joinGroup', { code, waitMs: 60_000 }, 70_000)
  }
  const { id: directId } = await a.ok('createGroup', { name: 'Direct' })
  const { id: keptId } = await a.ok('createGroup', { name: 'Kept' })
  await join(directId)
  await join(keptId)
  await a.ok('addKeeper', { groupId: keptId, code: keeper.code })
  // The hand-over (keeper-only-switch.ts): both go quiet in "kept" once the other holds their log.
  for (const p of [a, b]) await p.until(async () => (await p.ok('groupStatus', { groupId: keptId })).keeper?.only === true, 120_000)
  const apart = async (): Promise<void> => {
    for (const p of [a, b]) {
      const s = await p.ok('groupStatus', { groupId: keptId })
      if (s.peers.length > 0 || s.keeper?.connected !== true) throw new Error(`not through the keeper alone: ${JSON.stringify(s.keeper)}, ${s.peers.length} peers`)
    }
    if ((await b.ok('groupStatus', { groupId: directId })).peers.length === 0) throw new Error('the direct group is not connected')
  }
  await apart()
  const timePost = async (groupId: string, text: string, into: number[]): Promise<void> => {
    const t = performance.now()
    const { id } = await a.ok('post', { groupId, text })
    await until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts[0]?.id === id, 60_000)
    into.push(performance.now() - t)
  }
  for (let i = 0; i < POSTS; i++) {
    await timePost(directId, `direct ${i}`, direct)
    await timePost(keptId, `kept ${i}`, kept)
  }
  await apart()
  raw = await rawRoundTrip(Math.min(POSTS, 100))
  footprint.push({ when: 'one small group (the posts above)', at: keeperFootprint(keeper, path.join(root, 'k')) })
  await Promise.all(peers.splice(0).map((p) => p.stop()))
}

async function start(name: string): Promise<Peer> {
  const p = await startPeer(path.join(root, name), boot, {}, { readyMs: 90_000 })
  peers.push(p)
  await p.ok('createProfile', { passphrase: PASS, name }, 90_000)
  return p
}
const after = uptime()

const ms = (x: number): string => `${x.toFixed(1)} ms`
console.log(`\nuptime before: ${before}\nuptime after:  ${after}${hog ? '; CPU hog on every core' : ''}`)
if (direct.length > 0) {
  console.log(`\nPost → visible, A to B, ${POSTS} posts in each group, taken in turn`)
  console.log('| path | p50 | p99 | max |')
  console.log('|---|---:|---:|---:|')
  console.log(`| direct (A and B connected) — anchor | ${ms(pct(direct, 50))} | ${ms(pct(direct, 99))} | ${ms(Math.max(...direct))} |`)
  console.log(`| through the keeper (both keeper-only) | ${ms(pct(kept, 50))} | ${ms(pct(kept, 99))} | ${ms(Math.max(...kept))} |`)
  console.log(`| raw Hyperswarm round trip (${raw.length}) | ${ms(pct(raw, 50))} | ${ms(pct(raw, 99))} | ${ms(Math.max(...raw))} |`)
  console.log(`keeper / direct: p50 ${(pct(kept, 50) / pct(direct, 50)).toFixed(2)}× (target ≤ 2×), p99 ${(pct(kept, 99) / pct(direct, 99)).toFixed(2)}×`)
}
if (alone) printAlone(alone, UPDATES)
if (initial) {
  const s = (x: number): string => `${(x / 1000).toFixed(1)} s`
  console.log(`\nInitial sync of a ${UPDATES.toLocaleString()}-update group (${initial.blocks.toLocaleString()} blocks, 20 members) to a newcomer, join call → every block the host holds; → whole history (backfill, starts after a fixed wait)`)
  console.log('| from | initial sync | whole history |')
  console.log('|---|---:|---:|')
  console.log(`| a member (A online throughout) — anchor | ${s(initial.member.initialMs)} | ${s(initial.member.wholeMs)} |`)
  console.log(`| the keeper (A left once N2 was admitted; N2's \`blocks\` then: ${initial.keeper.blocksWhenAlone.toLocaleString()}, and only what came after is the keeper's alone) | ${s(initial.keeper.initialMs)} | ${s(initial.keeper.wholeMs)} |`)
  console.log(`keeper / member: initial ${(initial.keeper.initialMs / initial.member.initialMs).toFixed(2)}× (target ≤ 1×), whole ${(initial.keeper.wholeMs / initial.member.wholeMs).toFixed(2)}×; the keeper took the group in ${s(initial.keeperFillMs)}`)
}
console.log('\nThe keeper’s footprint')
console.log('| holding | RSS | profile on disk |')
console.log('|---|---:|---:|')
for (const f of footprint) console.log(`| ${f.when} | ${(f.at.rss / 2 ** 20).toFixed(1)} MiB | ${(f.at.disk / 2 ** 20).toFixed(1)} MiB |`)
