/**
 * Moderation across three OS processes on a loopback testnet ("Must show"): Alder (facilitator),
 * Birch (the author) and Cedar. With the group's threshold at 2, flags from Alder and Cedar hide
 * Birch's post on every peer — Birch alone still sees it, with why — and Alder's restore brings
 * it back everywhere. Along the way: a new rules version lists who has not accepted it and holds
 * back their posting, and a decision's votes from two peers are counted on the third.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from '../sync/peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

async function member(name: string, boot: string, code: string | null): Promise<Peer> {
  const p = await scene.member(path.join(tempDir(), name), boot, name)
  if (code) expect(await p.ok('joinGroup', { code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
  return p
}

describe('flags, threshold and restore on three peers', () => {
  it('hides a post everywhere at the threshold and a facilitator’s restore brings it back everywhere', async () => {
    const boot = await scene.testnet()
    const alder = await member('Alder', boot, null)
    const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
    await alder.ok('setRules', { groupId, text: '1. Keep names and places out\n2. Speak from your own experience' })
    await alder.ok('updateSettings', { groupId, flagThreshold: 2 })
    const codes = [await alder.ok('createInvite', { groupId }), await alder.ok('createInvite', { groupId })]
    const birch = await member('Birch', boot, codes[0]!.code)
    const cedar = await member('Cedar', boot, codes[1]!.code)
    const everyone = [alder, birch, cedar]
    for (const p of [birch, cedar]) {
      await p.until(async () => (await p.ok('groupInfo', { groupId })).flagThreshold === 2, 30_000)
      await p.ok('acceptRules', { groupId, version: 1 })
    }

    const { id: post } = await birch.ok('post', { groupId, text: 'we meet at the corner of Elm street' })
    const shows = (p: Peer) => async (): Promise<boolean> => (await p.ok('feed', { groupId })).posts.some((x) => x.id === post)
    for (const p of everyone) await p.until(shows(p), 30_000)

    // One flag is not enough: still shown everywhere.
    await cedar.ok('flag', { groupId, to: post, reason: 'rule:1' })
    await alder.until(async () => (await alder.ok('moderationQueue', { groupId })).some((i) => i.id === post && i.flags === 1), 30_000)
    for (const p of everyone) expect(await shows(p)()).toBe(true)
    expect(await alder.ok('moderationQueue', { groupId })).toMatchObject([{ id: post, hidden: false, flags: 1 }])

    // The second flag reaches the threshold: hidden for Alder and Cedar, shown to Birch with why.
    await alder.ok('flag', { groupId, to: post, reason: 'rule:1' })
    for (const p of [alder, cedar]) await p.until(async () => !(await shows(p)()), 30_000)
    await birch.until(async () => (await birch.ok('feed', { groupId })).posts.find((x) => x.id === post)?.hidden !== undefined, 30_000)
    expect((await birch.ok('feed', { groupId })).posts.find((x) => x.id === post)).toMatchObject({
      text: 'we meet at the corner of Elm street',
      hidden: { by: 'flags', reasons: [{ label: 'Rule 1: Keep names and places out', count: 2 }], escalated: false },
    })
    expect(await alder.ok('moderationQueue', { groupId })).toMatchObject([{ id: post, hidden: true, hiddenBy: 'flags', flags: 2, flaggers: ['Alder', 'Cedar'] }])
    // Only facilitators review.
    expect((await cedar.call('moderationQueue', { groupId })).ok).toBe(false)
    expect((await cedar.call('moderate', { groupId, to: post, action: 'restore' }))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    // The author edits; it stays hidden, back in the queue as edited. Alder restores: back everywhere.
    await birch.ok('edit', { groupId, id: post, text: 'we meet at the usual place' })
    await alder.until(async () => (await alder.ok('moderationQueue', { groupId }))[0]?.text === 'we meet at the usual place', 30_000)
    expect(await shows(cedar)()).toBe(false)
    await alder.ok('moderate', { groupId, to: post, action: 'restore' })
    for (const p of everyone) await p.until(shows(p), 30_000)
    await birch.until(async () => (await birch.ok('feed', { groupId })).posts.find((x) => x.id === post)?.hidden === undefined, 30_000)
    expect(await alder.ok('moderationQueue', { groupId })).toEqual([])

    // A new rules version: everyone but its writer is listed as not having accepted it, and must
    // accept before posting again.
    await alder.ok('setRules', { groupId, text: '1. Keep names and places out\n2. Speak from your own experience\n3. What is said here stays here' })
    await alder.until(async () => (await alder.ok('groupInfo', { groupId })).rulesPending?.length === 2, 30_000)
    await cedar.until(async () => (await cedar.ok('groupInfo', { groupId })).rules?.version === 2, 30_000)
    expect(await cedar.call('post', { groupId, text: 'before accepting' })).toMatchObject({ ok: false, error: { code: 'RULES_NOT_ACCEPTED' } })
    await cedar.ok('acceptRules', { groupId, version: 2 })
    await alder.until(async () => (await alder.ok('groupInfo', { groupId })).rulesPending?.map((m) => m.name).join() === 'Birch', 30_000)

    // A decision proposed by Cedar, voted on by Alder and Birch, counted the same on all three.
    const d = await cedar.ok('propose', { groupId, text: 'Meet fortnightly?', options: ['Yes', 'No'], closesAt: Date.now() + 3_600_000 })
    for (const p of [alder, birch]) {
      await p.until(async () => (await p.ok('decisions', { groupId })).some((x) => x.id === d.id), 30_000)
      await p.ok('vote', { groupId, proposal: d.id, option: 0 })
    }
    for (const p of everyone) await p.until(async () => (await p.ok('decisions', { groupId }))[0]?.counts.join() === '2,0', 30_000)
  })
})
