/**
 * Lifting a freeze (freeze-book.ts): facilitators let a frozen log speak again from `resume` on.
 * Mallory's log is a real Hypercore she truncates and writes again (fork-support.ts). Every peer,
 * in any order of learning, ends in the same state: the rewritten range never speaks, the words
 * after the lift do; a lift by anyone but a facilitator counts for nothing; a rewrite after the
 * lift freezes the log again; where removals need a second facilitator, so does a lift.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { liftFreeze, rewrittenLogs } from '../../../core/group/rewrite-view.ts'
import { HearthError } from '../../../core/errors.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { admit, govState, keysOf, now, pull, texts } from '../governance/peers.ts'
import { hex, identity, idOf, MemLog } from './support.ts'
import { postText, readAll, rewriteAt, useForkFixtures, type Forked } from './fork-support.ts'

const { forkedGroup } = useForkFixtures()

const codeOf = async (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (e instanceof HearthError ? e.code : String(e)))

/** A copy of a log as it is now (a peer's replica). */
async function copyOf(key: string, blocks: Uint8Array[]): Promise<MemLog> {
  const c = new MemLog(key)
  c.blocks.push(...blocks.map((b) => b.slice()))
  return c
}

/** A newcomer that reads the given logs in this order; returns what must be equal everywhere. */
async function newcomer(rnd: SeededRandom, f: Forked, logs: ReadLog[]): Promise<{ texts: string[]; gov: unknown }> {
  const id = identity(rnd)
  const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: id, epochs: keysOf(f.alder), current: f.alder.space.currentEpoch }, { groupId: f.alder.space.groupId })
  for (const log of logs) await space.catchUp(log)
  for (const log of logs) await space.catchUp(log)
  const peer = { name: 'newcomer', space, log: new MemLog(''), id, me: idOf(id) }
  return { texts: texts(peer), gov: govState(peer) }
}

describe('lifting a freeze', () => {
  it('lets the log speak again after the lift, never in the rewritten range, the same on every peer whatever it learned first', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'member', postText('the original words'), postText('the rewritten words'))
    const m = f.mallory
    await postText('written after the rewrite, before the lift')(m.space, m.me)
    expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
    await f.alder.space.catchUp(m.log)
    expect(texts(f.alder)).toEqual(['mallory before the fork'])
    // Where a newcomer's tail guard stops waiting for this log (checkpoint-reading.ts).
    expect(f.alder.space.governance.speaksUntil(m.log.key)).toBe(f.index)

    await liftFreeze(f.alder.space, m.log.key)
    const resume = m.log.length
    expect([...f.alder.space.governance.frozen]).toEqual([])
    // A lifted range is not an end: the words after it speak.
    expect(f.alder.space.governance.speaksUntil(m.log.key)).toBe(Infinity)
    expect([...f.alder.space.governance.freezes.gaps]).toEqual([[m.log.key, [[f.index, resume]]]])
    const [view] = rewrittenLogs(f.alder.space)
    expect(view?.lifted).toMatchObject({ resume, by: [{ member: f.alder.me, name: 'Fay' }] })
    // The same evidence met again is not reported again once lifted.
    expect(await f.alder.space.reportFork(f.evidence)).toBe(false)

    // Mallory's device learns of the freeze and the lift (it rebuilds without the rewritten range) and writes on.
    await m.space.catchUp(await copyOf(f.alder.log.key, f.alder.log.blocks))
    await postText('after the lift')(m.space, m.me)
    await f.alder.space.catchUp(m.log)
    const expected = ['after the lift', 'mallory before the fork']
    expect(texts(f.alder)).toEqual(expected)

    const alderLog = await copyOf(f.alder.log.key, f.alder.log.blocks)
    const final = await readAll(m.log.core)
    const orders: [string, () => Promise<ReadLog[]>][] = [
      ['governance first', async () => [alderLog, await copyOf(m.log.key, final)]],
      ['the log first', async () => [await copyOf(m.log.key, final), alderLog]],
      ['the first version, then governance, then the log now', async () => {
        const held = await copyOf(m.log.key, f.first)
        return [held, alderLog, { key: held.key, get length() { return final.length }, get: async (i: number) => final[i] ?? null }]
      }],
    ]
    for (const [why, logs] of orders) {
      const seen = await newcomer(rnd, f, await logs())
      expect(seen.texts, why).toEqual(expected)
      expect(seen.gov, why).toEqual(govState(f.alder))
    }
  })

  it('counts no lift by a member or by the frozen log’s own member; a rewrite after a lift freezes the log again', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'facilitator', postText('the original words'), postText('the rewritten words'))
    const m = f.mallory
    expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
    await f.alder.space.catchUp(m.log)
    const birch = await admit(rnd, f.alder, 'Birch')

    // Birch, a member, writes a lift by hand: every peer refuses it at replay.
    await birch.space.writeGovernance({ v: 1, kind: 'log.thaw', group: birch.space.groupId as string, author: birch.me, at: now(), seen: birch.space.seen(), body: { log: m.log.key, resume: m.log.length + 5 } })
    await pull(f.alder, birch)
    expect(f.alder.space.governance.frozen.get(m.log.key)).toBe(f.index)
    expect(await codeOf(liftFreeze(birch.space, m.log.key))).toBe('NOT_ALLOWED')
    // Mallory, a facilitator, may not lift her own log's freeze.
    await m.space.catchUp(await copyOf(f.alder.log.key, f.alder.log.blocks))
    expect(await codeOf(liftFreeze(m.space, m.log.key))).toBe('NOT_ALLOWED')
    expect(await codeOf(liftFreeze(f.alder.space, birch.log.key))).toBe('LOG_NOT_FROZEN')

    await liftFreeze(f.alder.space, m.log.key)
    expect(f.alder.space.governance.frozen.size).toBe(0)
    const resume = m.log.length
    // Mallory reads the lift and writes again; then rewrites that too.
    await m.space.catchUp(await copyOf(f.alder.log.key, f.alder.log.blocks))
    await postText('after the lift')(m.space, m.me)
    await f.alder.space.catchUp(m.log)
    expect(texts(f.alder)).toContain('after the lift')

    const again = await rewriteAt(m, resume, () => postText('after the lift, rewritten')(m.space, m.me))
    expect(await f.alder.space.reportFork(again.evidence)).toBe(true)
    await f.alder.space.catchUp(m.log)
    expect(f.alder.space.governance.frozen.get(m.log.key)).toBe(resume)
    expect(texts(f.alder)).not.toContain('after the lift')
    expect(texts(f.alder)).not.toContain('after the lift, rewritten')
  })

  it('where removals need a second facilitator, a lift does too', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'member', postText('the original words'), postText('the rewritten words'), { removalNeedsSecond: true })
    const m = f.mallory
    const birch = await admit(rnd, f.alder, 'Birch', 'facilitator')
    expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
    await f.alder.space.catchUp(m.log)
    await liftFreeze(f.alder.space, m.log.key)
    expect(f.alder.space.governance.frozen.get(m.log.key)).toBe(f.index)
    expect(rewrittenLogs(f.alder.space)[0]?.liftWaits?.by.name).toBe('Fay')
    // Alder again is still one facilitator.
    await liftFreeze(f.alder.space, m.log.key)
    expect(f.alder.space.governance.frozen.get(m.log.key)).toBe(f.index)

    await pull(birch, f.alder)
    await birch.space.catchUp(m.log)
    await liftFreeze(birch.space, m.log.key)
    expect(birch.space.governance.frozen.size).toBe(0)
    expect(rewrittenLogs(birch.space)[0]?.lifted?.by.map((w) => w.name)).toEqual(['Fay', 'Birch'])
    await pull(f.alder, birch)
    expect(govState(f.alder)).toEqual(govState(birch))
  })
})
