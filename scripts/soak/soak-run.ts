/**
 * One connectivity soak run (issue 13): N Hearth nodes, one process each, on a loopback testnet,
 * driven by a seeded random schedule of start, clean stop, SIGKILL, SIGSTOP/SIGCONT, join by
 * code, post and partition, optionally beside a CPU hog on every core. Then every node comes
 * back and the run checks:
 *  - pairs: two members both online (started and unlocked, or continued) are connected — each
 *    sees the other in its status — within PAIR_MS; a pair that stayed up that long unconnected
 *    is late;
 *  - posts: every post a node acknowledged is in every member's feed at the end;
 *  - joins: every join during whose wait some member was online for JOIN_DUE_MS is admitted;
 *  - converged: every member shows the same feed at the end.
 * A partition is a group of members going offline together while the rest keep writing (loopback
 * has no links to cut); it heals when they come back.
 */
import path from 'node:path'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { seededRandom } from '../../test/helpers/seeded-random.ts'

export const PAIR_MS = 10_000
export const JOIN_DUE_MS = 20_000
const JOIN_WAIT_MS = 40_000
const PASS = 'soak passphrase, not secret'

export interface SoakOptions { seed: number; peers: number; scheduleMs: number; root: string; bootstrap: string; log?(line: string): void }
export interface SoakResult {
  seed: number
  pairs: { measured: number; late: string[]; latencies: number[] }
  posts: { acked: number; missing: number }
  joins: { due: number; admittedDue: number; admitted: number; tried: number }
  converged: boolean
  actions: number
}

interface Slot {
  name: string
  dir: string
  peer: Peer | null
  state: 'down' | 'up' | 'stopped' | 'joining'
  member: boolean
  hasProfile: boolean
  upSince: number
  /** [from, to] while up and a member: for judging whether a join was due. */
  online: [number, number][]
}

export async function soakRun(o: SoakOptions): Promise<SoakResult> {
  const rnd = seededRandom(o.seed)
  const log = (l: string): void => o.log?.(`[seed ${o.seed} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${l}`)
  const t0 = Date.now()
  const slots: Slot[] = Array.from({ length: o.peers }, (_, i) => ({ name: `P${i}`, dir: path.join(o.root, `p${i}`), peer: null, state: 'down', member: false, hasProfile: false, upSince: 0, online: [] }))
  const acked: string[] = []
  const joins = { due: 0, admittedDue: 0, admitted: 0, tried: 0 }
  const pairs = { measured: 0, late: [] as string[], latencies: [] as number[] }
  const pairStart = new Map<string, number>()
  const pending = new Set<Promise<unknown>>()
  let groupId = ''
  let actions = 0

  const isUp = (s: Slot): boolean => s.state === 'up' && s.member && s.peer !== null
  const markUp = (s: Slot): void => {
    s.state = 'up'
    s.upSince = Date.now()
    s.online.push([s.upSince, Infinity])
  }
  const markDown = (s: Slot, state: Slot['state']): void => {
    const last = s.online.at(-1)
    if (last && last[1] === Infinity) last[1] = Date.now()
    s.state = state
  }
  async function launch(s: Slot): Promise<Peer> {
    s.peer = await startPeer(s.dir, o.bootstrap, {}, { readyMs: 90_000 })
    if (s.hasProfile) await s.peer.ok('unlock', { passphrase: PASS }, 90_000)
    else {
      await s.peer.ok('createProfile', { passphrase: PASS, name: s.name }, 90_000)
      s.hasProfile = true
    }
    return s.peer
  }
  async function bringUp(s: Slot): Promise<void> {
    const p = await launch(s)
    if (s.member) {
      await p.until(async () => (await p.ok('groupStatus', { groupId })).online, 30_000)
      markUp(s)
    } else s.state = 'up'
  }
  async function takeDown(s: Slot, how: 'stop' | 'kill'): Promise<void> {
    const p = s.peer
    markDown(s, 'down')
    s.peer = null
    if (!p) return
    if (how === 'kill') {
      p.child.proc.kill('SIGKILL')
      await p.child.exited
    } else await p.stop()
  }

  // The first node makes the group.
  const first = slots[0] as Slot
  await launch(first)
  groupId = (await first.peer?.ok('createGroup', { name: 'Soak' }))?.id ?? ''
  first.member = true
  await first.peer?.until(async () => (await first.peer?.ok('groupStatus', { groupId }))?.online === true, 30_000)
  markUp(first)

  // Pairs: a monitor reads every online member's status each second.
  let monitoring = true
  const monitor = (async () => {
    while (monitoring) {
      const up = slots.filter(isUp)
      const sees = new Map<string, Set<string>>()
      const knows = new Map<string, Set<string>>()
      await Promise.all(up.map(async (s) => {
        const r = await s.peer?.call('groupStatus', { groupId }, 5_000).catch(() => null)
        const m = await s.peer?.call('members', { groupId }, 5_000).catch(() => null)
        if (r?.ok && m?.ok && isUp(s)) {
          sees.set(s.name, new Set(r.value.peers.map((p) => p.name)))
          knows.set(s.name, new Set(m.value.map((x) => x.pseudonym)))
        }
      }))
      const now = Date.now()
      for (let i = 0; i < up.length; i++) for (let j = i + 1; j < up.length; j++) {
        const [x, y] = [up[i] as Slot, up[j] as Slot]
        if (!isUp(x) || !isUp(y)) continue
        // The clock starts once both are online and each one's governance lists the other: a
        // member rightly refuses a newcomer whose admission it has not read yet.
        if (!knows.get(x.name)?.has(y.name) || !knows.get(y.name)?.has(x.name)) continue
        const key = `${x.name}-${y.name}@${Math.max(x.upSince, y.upSince)}`
        if (!pairStart.has(key)) pairStart.set(key, now)
        if (pairStart.get(key) === -1) continue
        // Latency from both being online; lateness from when each also knew the other (+1 s: the poll).
        const both = Math.max(x.upSince, y.upSince)
        const since = Math.max(both, pairStart.get(key) as number)
        if (sees.get(x.name)?.has(y.name) && sees.get(y.name)?.has(x.name)) {
          pairs.measured++
          pairs.latencies.push(now - both)
          if (now - since > PAIR_MS + 1_000) pairs.late.push(`${x.name}-${y.name} ${now - since} ms`)
          pairStart.set(key, -1)
        } else if (now - since > PAIR_MS + 1_000 && sees.has(x.name) && sees.has(y.name)) {
          pairs.measured++
          pairs.late.push(`${x.name}-${y.name} not connected after ${now - since} ms`)
          pairStart.set(key, -1)
        }
      }
      await new Promise((r) => setTimeout(r, 1_000))
    }
  })()

  const end = Date.now() + o.scheduleMs
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, rnd.int(300, 1_500)))
    const up = slots.filter(isUp)
    const down = slots.filter((s) => s.state === 'down' && s.member)
    const outsiders = slots.filter((s) => !s.member && s.state !== 'joining')
    const members = slots.filter((s) => s.member).length
    // Weights: a group needs members before stops and partitions mean anything.
    const choices: string[] = []
    if (up.length) choices.push('post', 'post')
    if (down.length) choices.push('start', 'start', 'start')
    if (up.length > 1) choices.push('stop', 'kill', 'sigstop', 'partition')
    if (up.length === 1 && members > 1) choices.push('sigstop')
    if (outsiders.length && up.length) choices.push(...Array<string>(members < 3 ? 4 : 1).fill('join'))
    if (!choices.length) continue
    const act = rnd.pick(choices)
    actions++
    try {
      if (act === 'post' && up.length) {
        const s = rnd.pick(up)
        const r = await s.peer?.ok('post', { groupId, text: `${s.name} says ${actions}` })
        if (r) acked.push(r.id)
        log(`${s.name} posted`)
      } else if (act === 'start') {
        const s = rnd.pick(down)
        log(`${s.name} starts`)
        await bringUp(s)
      } else if (act === 'stop' || act === 'kill') {
        const s = rnd.pick(up)
        log(`${s.name} ${act}`)
        await takeDown(s, act)
      } else if (act === 'sigstop') {
        const s = rnd.pick(up)
        const forMs = rnd.int(3_000, 30_000)
        log(`${s.name} SIGSTOP for ${forMs} ms`)
        s.peer?.child.proc.kill('SIGSTOP')
        markDown(s, 'stopped')
        const resume = new Promise<void>((r) => setTimeout(r, forMs)).then(() => {
          if (s.state !== 'stopped') return
          s.peer?.child.proc.kill('SIGCONT')
          log(`${s.name} SIGCONT`)
          markUp(s)
        })
        pending.add(resume)
      } else if (act === 'partition') {
        const side = up.filter(() => rnd.next() < 0.5).slice(0, up.length - 1)
        log(`partition: ${side.map((s) => s.name).join(', ') || 'nobody'} go offline together`)
        await Promise.all(side.map((s) => takeDown(s, 'stop')))
      } else if (act === 'join') {
        const s = rnd.pick(outsiders)
        const host = rnd.pick(up)
        const invite = await host.peer?.ok('createInvite', { groupId, uses: 1 })
        if (!invite) continue
        s.state = 'joining'
        joins.tried++
        log(`${s.name} joins with a code from ${host.name}`)
        let from = Date.now()
        const done = (s.peer ? Promise.resolve(s.peer) : launch(s)).then((p) => {
          from = Date.now()
          return p.call('joinGroup', { code: invite.code, waitMs: JOIN_WAIT_MS }, JOIN_WAIT_MS + 15_000)
        }).then(async (r) => {
          const admitted = r.ok && r.value.status === 'admitted'
          // Due: admitted, or some member was online for JOIN_DUE_MS of its wait.
          const due = admitted || dueJoin(slots, from, from + JOIN_WAIT_MS)
          if (due) joins.due++
          if (admitted) {
            joins.admitted++
            joins.admittedDue++
            s.member = true
            await s.peer?.until(async () => (await s.peer?.ok('groupStatus', { groupId }))?.online === true, 30_000)
            markUp(s)
            log(`${s.name} admitted`)
          } else {
            s.state = 'up'
            log(`${s.name} not admitted: ${r.ok ? r.value.status : r.error.code}${due ? ' (a member was online long enough)' : ''}`)
          }
        }, () => {
          s.state = 'up'
        })
        pending.add(done)
      }
    } catch (e) {
      log(`${act} failed: ${String(e)}`)
    }
  }

  // Heal: every stopped node continues, every member comes back; wait for pending joins first.
  await Promise.allSettled([...pending])
  monitoring = false
  await monitor
  for (const s of slots) if (s.state === 'stopped') {
    s.peer?.child.proc.kill('SIGCONT')
    markUp(s)
  }
  await Promise.all(slots.filter((s) => s.member && !s.peer).map((s) => bringUp(s)))
  const members = slots.filter((s) => s.member && s.peer)
  const view = async (s: Slot): Promise<string> => JSON.stringify((await s.peer?.ok('feed', { groupId, limit: 100 }))?.posts.map((p) => [p.id, p.text]) ?? [])
  const settled = async (): Promise<boolean> => {
    const views = await Promise.all(members.map(view))
    return views.every((v) => v === views[0]) && acked.every((id) => views[0]?.includes(id))
  }
  let converged = false
  try {
    await (first.peer as Peer).until(settled, 60_000)
    converged = true
  } catch {
    converged = false
  }
  const last = await Promise.all(members.map(view))
  const missing = acked.filter((id) => !last.every((v) => v.includes(id))).length
  await Promise.all(slots.map((s) => takeDown(s, 'stop')))
  return { seed: o.seed, pairs, posts: { acked: acked.length, missing }, joins, converged, actions }
}

/** Was some member online for JOIN_DUE_MS of [from, to] in one stretch? */
function dueJoin(slots: Slot[], from: number, to: number): boolean {
  const now = Date.now()
  for (const s of slots) for (const [a, b] of s.online) {
    if (Math.min(b === Infinity ? now : b, to) - Math.max(a, from) >= JOIN_DUE_MS) return true
  }
  return false
}
