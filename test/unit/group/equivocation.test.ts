/**
 * One history (DESIGN.md §1 item 2), the rule on its own: a member's device log is a real
 * Hypercore in a real Corestore, which the member truncates and writes again (the attack); the
 * evidence is read from a snapshot of the first version and from the log now, exactly as
 * core/group/fork-watch.ts reads it. Observers are real GroupSpaces over in-memory copies.
 *
 * The property: whatever order an observer learns the first version, the second and the
 * evidence in, it ends in the same state — the log frozen at the index where the versions part,
 * neither version shown, membership the same — for a post and for a governance event.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { checkEvidence, makeEvidence, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Hypercore } from '../../../core/store/holepunch.ts'
import { decodeSignedState, encodeSignedState, type SignedState } from '../../../core/store/tree-proof.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { govState, keysOf, now, texts } from '../governance/peers.ts'
import { hex, identity, idOf, MemLog } from './support.ts'
import { postText, useForkFixtures, type Forked } from './fork-support.ts'

const f0 = useForkFixtures()
const forkedGroup = f0.forkedGroup

describe('evidence of a rewritten log', () => {
  it('verifies two signed versions that differ at one index, and nothing else', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'member', postText('the original words'), postText('the rewritten words'))
    expect(f.a.fork).toBe(0)
    expect(f.b.fork).toBe(1)
    expect(checkEvidence(f.evidence)?.index).toBe(f.index)

    const b64 = (s: SignedState): string => Buffer.from(encodeSignedState(s)).toString('base64')
    const tampered = decodeSignedState(Buffer.from(f.evidence.a, 'base64'))
    tampered.block?.value.set([tampered.block.value[0] as number ^ 1], 0)
    const other = fastProvider.signKeyPairFromSeed(rnd.bytes(32)).publicKey
    const refused: [string, ForkEvidence][] = [
      ['a changed block', { ...f.evidence, a: b64(tampered) }],
      ['the same version twice', { ...f.evidence, b: f.evidence.a }],
      ['another signer', { ...f.evidence, signer: hex(other) }],
      ['another log', { ...f.evidence, log: hex(Hypercore.key({ version: 1, signers: [{ publicKey: other }] })) }],
      ['another index', { ...f.evidence, index: f.index + 1 }],
      ['garbage', { ...f.evidence, a: 'AAAA' }],
    ]
    for (const [why, ev] of refused) expect(checkEvidence(ev), why).toBeNull()
  })

  it('verifies a block taken back (truncated, nothing written in its place) only against a later fork', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'member', postText('words later taken back'), async () => undefined)
    expect(f.b.block).toBeNull()
    expect(checkEvidence(f.evidence)?.index).toBe(f.index)
    // The same shorter state presented as the earlier fork proves nothing.
    const earlier = { ...f.b, fork: 0 }
    expect(makeEvidence(f.evidence.log, Buffer.from(f.evidence.signer, 'hex'), f.index, f.a, earlier, encodeSignedState)).toBeNull()
  })
})

describe('the evidence format, v1 (test/fixtures/fork/v1.json)', () => {
  const { evidence } = JSON.parse(readFileSync(new URL('../../fixtures/fork/v1.json', import.meta.url), 'utf8')) as { evidence: ForkEvidence }
  it('still verifies, and reads back to the same bytes', () => {
    expect(checkEvidence(evidence)?.index).toBe(3)
    for (const s of [evidence.a, evidence.b]) {
      const bytes = Buffer.from(s, 'base64')
      expect(Buffer.from(encodeSignedState(decodeSignedState(bytes))).equals(bytes)).toBe(true)
    }
    const a = decodeSignedState(Buffer.from(evidence.a, 'base64'))
    const b = decodeSignedState(Buffer.from(evidence.b, 'base64'))
    expect([a.fork, a.length, Buffer.from(a.block?.value ?? []).toString()]).toEqual([0, 4, 'the first version of block 3'])
    expect([b.fork, b.length, Buffer.from(b.block?.value ?? []).toString()]).toEqual([1, 4, 'the second version of block 3'])
  })
  it('refuses it with any one byte of a signed state changed', () => {
    const bytes = Buffer.from(evidence.a, 'base64')
    const rnd = seededRandom(testSeed())
    for (let n = 0; n < 40; n++) {
      const copy = Buffer.from(bytes)
      const at = rnd.int(0, copy.length - 1)
      copy[at] = (copy[at] as number) ^ (1 << rnd.int(0, 7))
      expect(checkEvidence({ ...evidence, a: copy.toString('base64') }), `byte ${at}`).toBeNull()
    }
  })
})

type Step = 'first' | 'second' | 'evidence'

/** A fresh observer learns the steps in order; its copy of Mallory's log is replaced as a reorg would. */
async function observe(rnd: SeededRandom, f: Forked, alderWithEvidence: MemLog, steps: Step[]): Promise<{ texts: string[]; gov: unknown; frozen: unknown }> {
  const id = identity(rnd)
  const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: id, epochs: keysOf(f.alder), current: f.alder.space.currentEpoch }, { groupId: f.alder.space.groupId })
  const alderCopy = new MemLog(f.alder.log.key)
  const malloryCopy = new MemLog(f.mallory.log.key)
  const alderBefore = f.alder.log.blocks.length
  alderCopy.blocks.push(...alderWithEvidence.blocks.slice(0, alderBefore))
  await space.catchUp(alderCopy)
  for (const s of steps) {
    if (s === 'evidence') {
      alderCopy.blocks.splice(0, alderCopy.blocks.length, ...alderWithEvidence.blocks)
      await space.catchUp(alderCopy)
    } else {
      malloryCopy.blocks.splice(0, malloryCopy.blocks.length, ...(s === 'first' ? f.first : f.second))
      await space.catchUp(malloryCopy)
    }
  }
  const peer = { name: 'observer', space, log: new MemLog(''), id, me: idOf(id) }
  return { texts: texts(peer), gov: govState(peer), frozen: [...space.governance.frozen] }
}

const ORDERS: Step[][] = [
  ['first', 'evidence'], ['second', 'evidence'], ['evidence', 'first'], ['evidence', 'second'],
  ['first', 'second', 'evidence'], ['second', 'first', 'evidence'], ['first', 'evidence', 'second'],
  ['second', 'evidence', 'first'], ['evidence', 'first', 'second'], ['evidence', 'second', 'first'],
]

async function everyOrderAgrees(rnd: SeededRandom, f: Forked): Promise<{ texts: string[]; gov: unknown }> {
  expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
  // A second report of the same rewrite adds nothing.
  expect(await f.alder.space.reportFork(f.evidence)).toBe(false)
  const alderLog = new MemLog(f.alder.log.key)
  alderLog.blocks.push(...f.alder.log.blocks)
  const results = []
  for (let round = 0; round < 3; round++) {
    for (const order of ORDERS) {
      // Seeded: each round shuffles which observer identity meets which order.
      const steps = round === 0 ? order : [...order].sort(() => rnd.next() - 0.5)
      results.push({ steps, ...(await observe(rnd, f, alderLog, steps)) })
    }
  }
  const first = results[0] as (typeof results)[number]
  for (const r of results) {
    expect(r.texts, r.steps.join(' → ')).toEqual(first.texts)
    expect(r.gov, r.steps.join(' → ')).toEqual(first.gov)
    expect(r.frozen, r.steps.join(' → ')).toEqual([[f.mallory.log.key, f.index]])
  }
  return first
}

describe('one history, whatever the order of learning', () => {
  it('a post rewritten at one index: every observer shows neither version and keeps what came before', async () => {
    const rnd = seededRandom(testSeed())
    const f = await forkedGroup(rnd, 'member', postText('the original words'), postText('the rewritten words'))
    const end = await everyOrderAgrees(rnd, f)
    expect(end.texts).toEqual(['mallory before the fork'])
  })

  it('a governance event rewritten at one index: membership is the same everywhere, neither version counts', async () => {
    const rnd = seededRandom(testSeed())
    const alderish = { id: '' }
    const f = await forkedGroup(rnd, 'facilitator',
      async (m, me) => {
        alderish.id = [...m.governance.members.keys()].find((id) => id !== me) as string
        await m.writeGovernance({ v: 1, kind: 'role.change', group: m.groupId as string, author: me, at: now(), seen: m.seen(), body: { member: alderish.id, role: 'member' } })
      },
      async (m, me) => {
        await m.writeGovernance({ v: 1, kind: 'member.remove', group: m.groupId as string, author: me, at: now(), seen: m.seen(), body: { member: alderish.id } })
      })
    const end = await everyOrderAgrees(rnd, f)
    const gov = end.gov as { members: string[]; former: string[] }
    expect(gov.former).toEqual([])
    expect(gov.members).toContain(`${alderish.id}|facilitator`)
    expect(gov.members).toContain(`${f.mallory.me}|facilitator`)
  })
})
