/**
 * The keeper bench's initial sync from the keeper ALONE (`scripts/bench/keeper.ts --alone`): the
 * newcomer joins through the keeper's mailbox (core/keeper/keeper-mailbox*.ts), so no member
 * serves any part of its sync.
 *
 * 1. From a member (the anchor): N1 joins by A's invite while A is online; no keeper yet.
 * 2. From the keeper alone: A adds the keeper, waits until it holds every block, makes an invite,
 *    waits until the keeper holds its mailbox, and stops. N2 types the code while only the keeper
 *    is online (`waiting`) and stops. A comes back only until the keeper holds the answer, and
 *    stops: A's members name N2 (the admission is written) and the keeper holds A's log with the
 *    admission in it. The REPLY leaves A on the keeper's stream as soon as the admission is
 *    written, before the keeper can even ask for that block, so the keeper has it by then. N2
 *    starts again: its node resumes the join at unlock, is admitted from the mailbox and syncs
 *    with only the keeper online (checked: no peer in its status at the end).
 * Each newcomer's clock: start (the join call; N2's unlock) → admitted (`listGroups` names the
 * group) → first feed page (A's newest posts, as A showed them) → every block its host held (A; the keeper) →
 * whole history (`historyLeft` 0, the backfill, which starts 10 s after the initial sync).
 */
import path from 'node:path'
import type { Peer } from '../../test/helpers/peer.ts'
import { buildBigGroup } from './big-group.ts'
import { until } from './bench-util.ts'
import { keeperFootprint, peerProcesses, PASS, type Opts } from './keeper-initial.ts'

/** ms from start to admission; the rest from admission. */
export interface Timeline { admitMs: number; pageMs: number; blocksMs: number; wholeMs: number }
/** `keeper`: why it did not finish, if it did not (the member's figures stand). */
export interface AloneSync { blocks: number; member: Timeline; keeper: Timeline | string; keeperFillMs: number; answerMs: number }
interface Goal { groupId: string; page: string[]; blocks: number }

/** Where a long run is, on stderr (the table goes to stdout). */
const step = (what: string): void => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`)

/** What the newcomer's node must show; A's first page, taken while A is online. */
async function goalOf(a: Peer, groupId: string): Promise<Goal> {
  const page = (await a.ok('feed', { groupId })).posts.map((p) => p.id)
  return { groupId, page, blocks: (await a.ok('groupStatus', { groupId })).blocks }
}

/** Times the newcomer's admission, first page, every block and whole history, `t0` its start. */
async function follow(n: Peer, g: Goal, t0: number): Promise<Timeline> {
  const { groupId } = g
  await until(async () => (await n.ok('listGroups', {})).some((x) => x.id === groupId), 1_200_000)
  const admitted = performance.now()
  step('admitted')
  const at: { page?: number; blocks?: number; whole?: number } = {}
  let seen = ''
  let page = ''
  let told = performance.now()
  let moved = { blocks: -1, at: performance.now() }
  const since = (what: string): number => {
    step(what)
    return performance.now() - admitted
  }
  await until(async () => {
    if (at.page === undefined) {
      // A little more than A's page: an entry of N's own on top must not push one of A's off it.
      const f = await n.call('feed', { groupId, limit: g.page.length + 5 })
      if (f.ok && g.page.every((id) => f.value.posts.some((p) => p.id === id))) at.page = since('first page')
      page = f.ok ? `${g.page.filter((id) => f.value.posts.some((p) => p.id === id)).length} of A's ${g.page.length} newest posts` : f.error.code
    }
    const s = await n.call('groupStatus', { groupId })
    if (!s.ok) return false
    if (at.blocks === undefined && s.value.blocks >= g.blocks) at.blocks = since('every block')
    if (at.blocks !== undefined && at.whole === undefined && (s.value.historyLeft ?? 0) === 0) at.whole = since('whole history')
    seen = `${page}; blocks ${s.value.blocks} of ${g.blocks}, historyLeft ${s.value.historyLeft}, ${s.value.peers.length} peers, keeper ${JSON.stringify(s.value.keeper)}`
    if (s.value.blocks !== moved.blocks) moved = { blocks: s.value.blocks, at: performance.now() }
    // Not a bound on how long a sync may take: a newcomer that reads nothing more for 3 minutes has stopped.
    if (performance.now() - moved.at > 180_000) throw new Error('no block read for 180 s')
    if (performance.now() - told > 30_000) {
      told = performance.now()
      step(seen)
    }
    return at.page !== undefined && at.whole !== undefined
  }, 1_800_000).catch((e: unknown) => {
    throw new Error(`the newcomer did not finish: ${seen} (${String(e)})`)
  })
  return { admitMs: admitted - t0, pageMs: at.page ?? NaN, blocksMs: at.blocks ?? NaN, wholeMs: at.whole ?? NaN }
}

export async function aloneSyncBench(o: Opts): Promise<AloneSync> {
  const { groupId } = await buildBigGroup(path.join(o.root, 'big'), PASS, o.updates, 20)
  const { start, stop } = peerProcesses(o)
  const unlocked = async (dir: string): Promise<Peer> => {
    const p = await start(dir)
    await p.ok('unlock', { passphrase: PASS }, 90_000)
    await p.until(async () => (await p.ok('groupStatus', { groupId })).online, 120_000)
    return p
  }
  const fresh = async (dir: string): Promise<Peer> => {
    const n = await start(dir)
    await n.ok('createProfile', { passphrase: PASS, name: dir }, 90_000)
    return n
  }

  step('from a member: N1 joins while A is online')
  let a = await unlocked('big')
  const n1 = await fresh('n1')
  const { code: code1 } = await a.ok('createInvite', { groupId })
  const memberGoal = await goalOf(a, groupId)
  const t1 = performance.now()
  const joined = n1.ok('joinGroup', { code: code1, waitMs: 120_000 }, 130_000)
  const [member] = await Promise.all([follow(n1, memberGoal, t1), joined])
  await stop(n1)

  step('the keeper takes the group in; A leaves an invite’s mailbox with it and goes')
  const tf = performance.now()
  await a.ok('addKeeper', { groupId, code: o.keeper.code })
  await until(async () => ((await a.ok('groupStatus', { groupId })).keeper?.blocksHeld ?? 0) >= memberGoal.blocks, 1_200_000)
  const keeperFillMs = performance.now() - tf
  o.footprint.push({ when: `and the ${o.updates.toLocaleString()}-update group (${memberGoal.blocks.toLocaleString()} blocks)`, at: keeperFootprint(o.keeper, path.join(o.root, 'k')) })
  const { code } = await a.ok('createInvite', { groupId })
  await a.until(async () => {
    const k = (await a.ok('groupStatus', { groupId })).keeper
    return k?.holdsMine === true && (k.mailboxes ?? 0) >= 1
  }, 120_000)
  const membersBefore = (await a.ok('members', { groupId })).length
  await stop(a)

  step('N2 types the code with only the keeper online: its request waits there')
  let n2 = await fresh('n2')
  const asked = await n2.ok('joinGroup', { code, waitMs: 120_000 }, 130_000)
  if (asked.status !== 'waiting') throw new Error(`N2 was not left waiting at the keeper: ${JSON.stringify(asked)}`)
  await stop(n2)

  step('A comes back, answers from the keeper, and goes once the keeper holds the answer')
  const ta = performance.now()
  a = await unlocked('big')
  await a.until(async () => {
    if ((await a.ok('members', { groupId })).length <= membersBefore) return false
    return (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true
  }, 600_000)
  const answerMs = performance.now() - ta
  // Every block the keeper holds of the logs A knows: what it can serve (A may write more of its own as it goes).
  const held = (await a.ok('groupStatus', { groupId })).keeper?.blocksHeld ?? 0
  const keeperGoal = { ...await goalOf(a, groupId), blocks: held }
  await stop(a)

  step('N2 again, with only the keeper online: admitted from the mailbox, synced from the keeper')
  n2 = await start('n2')
  const t2 = performance.now()
  await n2.ok('unlock', { passphrase: PASS }, 90_000)
  const keeper = await follow(n2, keeperGoal, t2).catch((e: unknown) => String(e))
  const s = await n2.ok('groupStatus', { groupId })
  if (s.peers.length > 0) throw new Error(`N2 did not sync from the keeper alone: ${s.peers.length} peers, keeper ${JSON.stringify(s.keeper)}`)
  await stop(n2)
  return { blocks: keeperGoal.blocks, member, keeper, keeperFillMs, answerMs }
}

/** The table: each newcomer's times, and the keeper's over the member's. */
export function printAlone(r: AloneSync, updates: number): void {
  const s = (x: number): string => `${(x / 1000).toFixed(1)} s`
  const ratio = (k: number, m: number): string => `${(k / m).toFixed(2)}×`
  console.log(`\nInitial sync of a ${updates.toLocaleString()}-update group (${r.blocks.toLocaleString()} blocks, 20 members) to a newcomer: start → admitted; then admitted → first feed page, → every block its host held, → whole history`)
  console.log('| from | start → admitted | → first page | → every block | → whole history |')
  console.log('|---|---:|---:|---:|---:|')
  const row = (name: string, t: Timeline): void => console.log(`| ${name} | ${s(t.admitMs)} | ${s(t.pageMs)} | ${s(t.blocksMs)} | ${s(t.wholeMs)} |`)
  row('a member (A online, no keeper; start: the join call) — anchor', r.member)
  const k = r.keeper
  if (typeof k === 'string') console.log(`| the keeper alone (joined through its mailbox) | did not finish: ${k} ||||`)
  else {
    row('the keeper alone (joined through its mailbox; start: N2\'s unlock)', k)
    console.log(`| keeper / member | ${ratio(k.admitMs, r.member.admitMs)} | ${ratio(k.pageMs, r.member.pageMs)} | ${ratio(k.blocksMs, r.member.blocksMs)} | ${ratio(k.wholeMs, r.member.wholeMs)} |`)
  }
  console.log(`target: from the keeper no slower than from a member (≤ 1×). The keeper took the group in ${s(r.keeperFillMs)}; A, back, left the answer in ${s(r.answerMs)} (unlock included)`)
}
