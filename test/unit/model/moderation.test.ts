/**
 * Moderation as a pure function of docs (core/model/moderation-view.ts): flags in members' own
 * docs, facilitators' actions in shared/moderation, the threshold. Hostile shapes written
 * straight into docs are left out, never thrown on.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setFlag } from '../../../core/model/flags.ts'
import { MemberDoc, makeRef, type Ref } from '../../../core/model/member-doc.ts'
import { ModerationDoc, textHash, type ModerationAction } from '../../../core/model/moderation-doc.ts'
import { moderationIndex, moderationQueue, hiddenNotice, type ModerationSource } from '../../../core/model/moderation-view.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { isReason, reasonFits, reasonLabel, reasonView, ruleItems } from '../../../core/model/rule-items.ts'
import type { MemberInfo } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { itemId, memberIds, rawPost, rawReply } from './support.ts'

const rnd = seededRandom(testSeed())
const [author, f1, f2, f3, f4, fay, outsider] = memberIds(rnd, 7) as [string, string, string, string, string, string, string]
const roster: MemberInfo[] = [
  { id: author, role: 'member', pseudonym: 'Ash' },
  { id: f1, role: 'member', pseudonym: 'Birch' },
  { id: f2, role: 'member', pseudonym: 'Cedar' },
  { id: f3, role: 'member', pseudonym: 'Dogwood' },
  { id: f4, role: 'member', pseudonym: 'Elm' },
  { id: fay, role: 'facilitator', pseudonym: 'Fay' },
]
const RULES = '1. Keep names and places out\n2. Speak from your own experience\n\n- No advice unless asked'

function world(threshold = 3) {
  const docs = new Map<string, MemberDoc>([...roster.map((m) => m.id), outsider].map((id) => [id, new MemberDoc(new Y.Doc(), id)]))
  const rulesDoc = new RulesDoc(new Y.Doc())
  rulesDoc.set(RULES, fay, 1)
  const mod = new ModerationDoc(new Y.Doc())
  const doc = (id: string): MemberDoc => docs.get(id) as MemberDoc
  rawPost(doc(author), itemId(1), { text: 'my words', createdAt: 10 })
  const post: Ref = makeRef(author, itemId(1))
  const src = (): ModerationSource => ({
    members: new Map(roster.map((m) => [m.id, m])), docs, actions: mod.latest(), threshold, rules: rulesDoc.current(),
  })
  const rules = rulesDoc.current()
  const flag = (by: string, reason: 'rule:1' | 'rule:2' | 'other' = 'rule:1', on = true): void =>
    setFlag(doc(by), post, on ? { reason, rules: rules?.hash ?? null } : null, 20)
  const act = (a: Partial<ModerationAction> & Pick<ModerationAction, 'action'>): void =>
    mod.add({ item: post, reason: a.action === 'restore' ? null : 'rule:1', rules: rules?.hash ?? null, note: null, covers: [], seen: null, by: fay, at: 30, ...a })
  const state = () => moderationIndex(src()).get(post)
  return { docs, doc, mod, post, src, flag, act, state, rulesDoc }
}

describe('ground rules as items and reasons', () => {
  it('numbers each non-empty line, without list markers', () => {
    expect(ruleItems(RULES)).toEqual(['Keep names and places out', 'Speak from your own experience', 'No advice unless asked'])
  })

  it('accepts only rule:<n> for an existing rule, or other', () => {
    const items = ruleItems(RULES)
    for (const bad of ['rule:0', 'rule:-1', 'rule:01', 'rule:1000', 'Rule:1', 'rule:1 ', 'others', '', 3, null]) expect(isReason(bad), String(bad)).toBe(false)
    expect(reasonFits('rule:3', items)).toBe(true)
    expect(reasonFits('rule:4', items)).toBe(false)
    expect(reasonFits('other', [])).toBe(true)
    expect(reasonLabel('rule:2', items, true)).toBe('Rule 2: Speak from your own experience')
    expect(reasonLabel('rule:2', items, false)).toMatch(/earlier version/)
  })
})

describe('flags and the threshold', () => {
  it('hides an item once flags from that many different members arrive, not before', () => {
    const w = world(3)
    w.flag(f1)
    w.flag(f2)
    expect(w.state()?.hidden).toBe(false)
    expect(w.state()?.counting).toHaveLength(2)
    w.flag(f3, 'rule:2')
    expect(w.state()).toMatchObject({ hidden: true, hiddenBy: 'flags', escalated: false })
  })

  it('counts one flag per member, however often they flag, and a withdrawn flag no more', () => {
    const w = world(2)
    w.flag(f1)
    w.flag(f1, 'rule:2')
    w.flag(f1, 'other')
    expect(w.state()?.hidden).toBe(false)
    w.flag(f2)
    expect(w.state()?.hidden).toBe(true)
    w.flag(f2, 'rule:1', false)
    expect(w.state()?.hidden).toBe(false)
  })

  it('ignores flags by the author, by non-members, and malformed ones', () => {
    const w = world(2)
    w.flag(author)
    w.flag(outsider)
    w.flag(f1)
    const flags = w.doc(f2).doc.getMap('flags')
    flags.set(w.post, { reason: 'rule:1', rules: 'nothex', at: 1 })
    w.doc(f3).doc.getMap('flags').set(w.post, 'hide it')
    w.doc(f4).doc.getMap('flags').set(w.post, { reason: 'because', rules: null, at: 1 })
    w.doc(f4).doc.getMap('flags').set('not a ref', { reason: 'other', rules: null, at: 1 })
    expect(() => w.state()).not.toThrow()
    expect(w.state()?.counting).toEqual([f1])
    expect(w.state()?.hidden).toBe(false)
  })
})

describe('facilitator actions', () => {
  it('a restore brings it back until that many NEW members flag it', () => {
    const w = world(2)
    w.flag(f1)
    w.flag(f2)
    expect(w.state()?.hidden).toBe(true)
    w.act({ action: 'restore', covers: [f1, f2] })
    expect(w.state()).toMatchObject({ hidden: false, counting: [] })
    // The same flaggers changing their reason does not re-hide it.
    w.flag(f1, 'rule:2')
    expect(w.state()?.hidden).toBe(false)
    w.flag(f3)
    expect(w.state()?.hidden).toBe(false)
    w.flag(f4)
    expect(w.state()).toMatchObject({ hidden: true, hiddenBy: 'flags', counting: [f3, f4].sort() })
  })

  it('hide and escalate hide with no flags at all; the latest action wins', () => {
    const w = world(3)
    w.act({ action: 'hide', note: 'please take the street name out' })
    expect(w.state()).toMatchObject({ hidden: true, hiddenBy: 'facilitator', escalated: false })
    w.act({ action: 'escalate' })
    expect(w.state()).toMatchObject({ hidden: true, escalated: true })
    w.act({ action: 'restore' })
    expect(w.state()).toMatchObject({ hidden: false, escalated: false })
  })

  it('skips malformed actions instead of letting them decide', () => {
    const w = world(3)
    w.act({ action: 'hide' })
    const bad: unknown[] = [
      { item: w.post, action: 'restore', reason: null, rules: null, note: null, covers: 'all', seen: null, by: fay, at: 1 },
      { item: w.post, action: 'delete', reason: null, rules: null, note: null, covers: [], seen: null, by: fay, at: 1 },
      { item: w.post, action: 'restore', reason: null, rules: null, note: 'x'.repeat(501), covers: [], seen: null, by: fay, at: 1 },
      { item: w.post, action: 'restore', reason: null, rules: null, note: null, covers: [], seen: null, by: 'fay', at: 1 },
      'restore', null, 42,
    ]
    w.mod.actions.push(bad)
    expect(w.state()).toMatchObject({ hidden: true, hiddenBy: 'facilitator' })
  })

  it('tells the author why, in plain words', () => {
    const w = world(2)
    w.flag(f1, 'rule:1')
    w.flag(f2, 'rule:1')
    w.flag(f3, 'other')
    const rules = w.rulesDoc.current()
    expect(hiddenNotice(w.state()!, rules)).toEqual({
      by: 'flags', note: null, escalated: false,
      reasons: [
        { label: 'Rule 1: Keep names and places out', rule: 1, current: true, words: 'Keep names and places out', count: 2 },
        { label: 'Something else (not one of the ground rules)', rule: null, current: true, words: null, count: 1 },
      ],
    })
    w.act({ action: 'hide', reason: 'rule:2', note: 'tell it as your own story' })
    expect(hiddenNotice(w.state()!, rules)).toEqual({
      by: 'facilitator', reasons: [{ label: 'Rule 2: Speak from your own experience', rule: 2, current: true, words: 'Speak from your own experience', count: 1 }],
      note: 'tell it as your own story', escalated: false,
    })
  })
})

describe('the review queue', () => {
  it('lists hidden items first, with counts and reasons, and marks an edit since the review', () => {
    const w = world(2)
    rawReply(w.doc(f4), itemId(2), { post: w.post, parent: w.post, text: 'a reply', createdAt: 11 })
    const reply = makeRef(f4, itemId(2))
    setFlag(w.doc(f1), reply, { reason: 'other', rules: null }, 5)
    w.flag(f1)
    w.flag(f2)
    let q = moderationQueue(w.src())
    expect(q.map((i) => [i.id, i.hidden, i.flags, i.kind])).toEqual([[w.post, true, 2, 'post'], [reply, false, 1, 'reply']])
    expect(q[0]?.flaggers).toEqual(['Birch', 'Cedar'])
    w.act({ action: 'hide', seen: textHash('my words') })
    expect(moderationQueue(w.src())[0]?.editedSinceReview).toBe(false)
    new MemberDoc(w.doc(author).doc, author).edit(w.post, { text: 'my words, without the street' }, 40)
    q = moderationQueue(w.src())
    expect(q[0]).toMatchObject({ hidden: true, editedSinceReview: true, text: 'my words, without the street' })
    // Restored with nothing new to count: it leaves the queue.
    w.act({ action: 'restore', covers: [f1, f2] })
    expect(moderationQueue(w.src()).map((i) => i.id)).toEqual([reply])
  })

  it('gives each reason in parts for the renderer to word: the rule number, whether it counts from the current rules, its words', () => {
    const w = world(1)
    w.flag(f1, 'rule:2')
    w.act({ action: 'hide', reason: 'rule:1' })
    const before = moderationQueue(w.src())[0]
    expect(before?.reasons).toEqual([{ label: 'Rule 2: Speak from your own experience', rule: 2, current: true, words: 'Speak from your own experience', count: 1 }])
    expect(before?.lastAction).toMatchObject({ reason: 'Rule 1: Keep names and places out', reasonView: { rule: 1, current: true, words: 'Keep names and places out' } })
    // New rules: the old numbers no longer name these words, so no words travel with them.
    w.rulesDoc.set('1. Be kind\n2. Keep it here', fay, 2)
    const after = moderationQueue(w.src())[0]
    expect(after?.reasons).toEqual([{ label: 'Rule 2 of an earlier version of the ground rules', rule: 2, current: false, words: null, count: 1 }])
    expect(after?.lastAction?.reasonView).toEqual({ rule: 1, current: false, words: null })
    // A long rule's words are cut, as the English label's are.
    expect(reasonView('rule:1', ['x'.repeat(120)], true)).toEqual({ rule: 1, current: true, words: `${'x'.repeat(79)}…` })
    expect(reasonView('other', [], false)).toEqual({ rule: null, current: true, words: null })
  })

  it('leaves out items that were deleted or never existed', () => {
    const w = world(1)
    setFlag(w.doc(f1), makeRef(f2, itemId(9)), { reason: 'other', rules: null }, 5)
    w.flag(f1)
    new MemberDoc(w.doc(author).doc, author).remove(w.post, 50)
    expect(moderationQueue(w.src())).toEqual([])
  })
})
