/**
 * The scene the one-history tests share (rewritten-history.test.ts, twin-log.test.ts): Alder
 * (facilitator), Birch (an honest member), Mallory (rewrite-member.child.ts, her own process) on a
 * loopback testnet, an invite kept for Cedar, the newcomer; and `converge`, which brings Cedar in
 * and Birch back in either order and checks that every honest node shows one feed and one
 * membership.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { expect } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import type { Peer } from '../../helpers/peer.ts'
import type { ProcessCast } from '../../helpers/process-cast.ts'

const CHILD = fileURLToPath(new URL('./rewrite-member.child.ts', import.meta.url))

/**
 * The texts of a whole feed. A newcomer's preview page (its first sync still arriving) throws, so
 * a probe (`until` tries again) never takes its empty page for a feed where nothing shows.
 */
export const texts = async (p: Peer, groupId: string): Promise<string[]> => {
  const page = await p.ok('feed', { groupId, limit: 100 })
  if (page.preview) throw new Error('the history is still arriving: a preview page, not the feed')
  return page.posts.map((x) => x.text).sort()
}
/** What one honest peer shows, said so that a failure explains itself: feed, members, page and sync state. */
async function look(p: Peer, groupId: string, name: string): Promise<{ feed: string[]; members: string[]; preview: boolean; say: string }> {
  const page = await p.ok('feed', { groupId, limit: 100 })
  const feed = page.posts.map((x) => x.text).sort()
  const list = await members(p, groupId)
  const st = await p.ok('groupStatus', { groupId })
  const state = { preview: page.preview ?? false, ownLog: page.ownLog ?? null, connected: st.peers.map((x) => x.name), blocks: st.blocks, historyLeft: st.historyLeft ?? null }
  return { feed, members: list, preview: state.preview, say: `${name}: feed ${JSON.stringify(feed)}, members ${JSON.stringify(list)}, ${JSON.stringify(state)}` }
}
export const members = async (p: Peer, groupId: string): Promise<string[]> => (await p.ok('members', { groupId })).map((m) => `${m.pseudonym}:${m.role}`).sort()

/** A child's answer to one command (a line starting with `answer`). */
export async function tell(child: Child, cmd: string, answer: string): Promise<string[]> {
  const seen = child.lines.length
  child.proc.stdin?.write(`${cmd}\n`)
  const fresh = (l: string, i?: number): boolean => (i ?? 0) >= seen && (l.startsWith(`${answer} `) || l.startsWith('error '))
  const line = await child.waitForLine(fresh, 60_000)
  if (line.startsWith('error ')) throw new Error(line)
  return line.split(' ').slice(1)
}

export interface Scene {
  boot: string
  groupId: string
  alder: Peer
  alderDir: string
  birch: Peer
  birchDir: string
  mallory: Child
  malloryDir: string
  malloryId: string
  forCedar: string
}

export async function scene(cast: ProcessCast): Promise<Scene> {
  const { tempDir, start } = cast
  const boot = await cast.testnet()
  const alderDir = path.join(tempDir(), 'alder')
  const alder = await start(alderDir, boot, 'Alder')
  const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
  const forBirch = await alder.ok('createInvite', { groupId })
  const forMallory = await alder.ok('createInvite', { groupId })
  const forCedar = await alder.ok('createInvite', { groupId })
  const birchDir = path.join(tempDir(), 'birch')
  const birch = await start(birchDir, boot, 'Birch')
  expect(await birch.ok('joinGroup', { code: forBirch.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
  const malloryDir = path.join(tempDir(), 'mallory')
  const mallory = cast.hostile(spawnTs(CHILD, [malloryDir, boot, forMallory.code], {}, { stdin: true }))
  const malloryId = (await mallory.waitForLine((l) => l.startsWith('joined '), 90_000)).slice('joined '.length)
  return { boot, groupId, alder, alderDir, birch, birchDir, mallory, malloryDir, malloryId, forCedar: forCedar.code }
}

export type Order = 'newcomer first' | 'Birch first'

/** Cedar joins now (admitted by Alder) and Birch comes back, in `order`; all three must agree. */
export async function converge(cast: ProcessCast, s: Scene, agree: (p: Peer) => Promise<boolean>, order: Order = 'newcomer first'): Promise<Peer[]> {
  const { tempDir, start } = cast
  const birchBack = (): Promise<Peer> => start(s.birchDir, s.boot)
  const early = order === 'Birch first' ? await birchBack() : null
  const cedar = await start(path.join(tempDir(), 'cedar'), s.boot, 'Cedar')
  expect(await cedar.ok('joinGroup', { code: s.forCedar, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
  const birch = early ?? (await birchBack())
  const honest = [s.alder, birch, cedar]
  const settled = async (p: Peer): Promise<boolean> => (await agree(p)) && (await members(p, s.groupId)).includes('Cedar:member')
  const everyone = (): Promise<Awaited<ReturnType<typeof look>>[]> => Promise.all(honest.map((p, i) => look(p, s.groupId, ['Alder', 'Birch', 'Cedar'][i] as string)))
  for (const [i, p] of honest.entries()) {
    await p.until(() => settled(p), 120_000).catch(async (e: unknown) => {
      throw new Error(`${['Alder', 'Birch', 'Cedar'][i]} never settled (${String(e)}); now: ${(await everyone()).map((x) => x.say).join(' | ')}`)
    })
  }
  // Read again after every peer settled: each one, so a failure names who differs and how it stood.
  const seen = await everyone()
  const first = seen[0]
  const differs = seen.filter((x) => x.preview || !isDeepStrictEqual(x.feed, first?.feed) || !isDeepStrictEqual(x.members, first?.members))
  expect(differs.map((x) => x.say), `honest peers differ from Alder (or show a preview); all: ${seen.map((x) => x.say).join(' | ')}`).toEqual([])
  return honest
}
