/**
 * Group decisions: a member proposes, members vote once each, results are visible to all.
 * Both live in members' OWN docs (layout version 1, additions to member-doc.ts's maps), so a
 * proposal and each vote are attributable and nobody can vote in another's name:
 *
 *   proposals  Y.Map  "<itemId>" → { text, options: string[2..10], closesAt: ms, createdAt: ms }
 *   votes      Y.Map  "<proposal Ref>" → { option: index, proposal: proposalHash, at: ms }
 *
 * One key per proposal in the voter's doc: one vote per member, and changing one's mind before
 * the close replaces it (the last write counts; Yjs resolves a member's two devices the same way
 * on every peer). A vote counts only if it names the proposal's exact words (`proposal` hash),
 * so a proposer who changes the question or options after votes came in starts the count over
 * instead of turning old votes into answers to a new question. After `closesAt` the node refuses
 * new votes and a vote stamped later is not counted: the result is final.
 */
import type * as Y from 'yjs'
import type { DecisionView } from '../api.ts'
import { errors } from '../errors.ts'
import { hash } from '../crypto/hash.ts'
import { makeRef, parseRef, type MemberDoc, type Ref } from './member-doc.ts'
import { shownName } from './names.ts'
import { randomBytes } from '../crypto/random.ts'
import { DECISION_LIMITS } from './vocabulary.ts'


interface Proposal {
  text: string
  options: string[]
  closesAt: number
  createdAt: number
}

/** Longest a decision stays open: a vote nobody remembers is not the group deciding. */
export const MAX_OPEN_MS = 90 * 24 * 3_600_000
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const ITEM_ID = /^[0-9a-f]{16}$/
const HASH = /^[0-9a-f]{32}$/

export function proposalHash(p: Pick<Proposal, 'text' | 'options' | 'closesAt'>): string {
  const bytes = new TextEncoder().encode(JSON.stringify([p.text, p.options, p.closesAt]))
  return Buffer.from(hash(bytes, 16)).toString('hex')
}

function readProposal(v: unknown): Proposal | null {
  if (typeof v !== 'object' || v === null) return null
  const p = v as Record<string, unknown>
  if (typeof p.text !== 'string' || p.text.length > DECISION_LIMITS.text || !p.text.trim()) return null
  const o = p.options
  if (!Array.isArray(o) || o.length < DECISION_LIMITS.minOptions || o.length > DECISION_LIMITS.maxOptions) return null
  if (!o.every((x) => typeof x === 'string' && x.trim() && x.length <= DECISION_LIMITS.option)) return null
  if (!isTime(p.closesAt) || !isTime(p.createdAt)) return null
  return { text: p.text, options: o as string[], closesAt: p.closesAt, createdAt: p.createdAt }
}

const proposalsOf = (d: MemberDoc): Y.Map<unknown> => d.doc.getMap('proposals')
const votesOf = (d: MemberDoc): Y.Map<unknown> => d.doc.getMap('votes')

export function propose(d: MemberDoc, p: { text: string; options: string[]; closesAt: number }, now: number): Ref {
  const text = p.text.trim()
  const options = p.options.map((o) => o.trim())
  if (!text || text.length > DECISION_LIMITS.text) throw errors.INVALID_INPUT(`the proposal needs 1 to ${DECISION_LIMITS.text} characters`)
  if (options.length < DECISION_LIMITS.minOptions || options.length > DECISION_LIMITS.maxOptions) throw errors.INVALID_INPUT('a decision needs 2 to 10 options')
  if (options.some((o) => !o || o.length > DECISION_LIMITS.option)) throw errors.INVALID_INPUT(`each option needs 1 to ${DECISION_LIMITS.option} characters`)
  if (new Set(options).size !== options.length) throw errors.INVALID_INPUT('two options are the same')
  if (!isTime(p.closesAt) || p.closesAt <= now + 60_000) throw errors.INVALID_INPUT('the closing time must be at least a minute away')
  if (p.closesAt > now + MAX_OPEN_MS) throw errors.INVALID_INPUT('a decision may stay open for at most 90 days')
  const map = proposalsOf(d)
  let id: string
  do id = Buffer.from(randomBytes(8)).toString('hex')
  while (map.has(id))
  map.set(id, { text, options, closesAt: p.closesAt, createdAt: now })
  return makeRef(d.memberId, id)
}

export interface DecisionSource {
  me: string
  members: ReadonlyMap<string, { pseudonym: string }>
  docs: ReadonlyMap<string, MemberDoc>
  /** The names every member shows, decided for the group (core/model/names.ts). */
  names?: ReadonlyMap<string, string>
}

function proposalAt(src: DecisionSource, ref: Ref): Proposal | null {
  const p = parseRef(ref)
  if (!p || !src.members.has(p.authorId)) return null
  const d = src.docs.get(p.authorId)
  return d ? readProposal(proposalsOf(d).get(p.itemId)) : null
}

/** Records my vote; DECISION_CLOSED after the close, NOT_FOUND for no such proposal. */
export function castVote(src: DecisionSource, mine: MemberDoc, ref: Ref, option: number, now: number): void {
  const p = proposalAt(src, ref)
  if (!p) throw errors.NOT_FOUND('no such decision')
  if (now >= p.closesAt) throw errors.DECISION_CLOSED()
  if (!Number.isInteger(option) || option < 0 || option >= p.options.length) throw errors.INVALID_INPUT('no such option')
  votesOf(mine).set(ref, { option, proposal: proposalHash(p), at: now })
}

const nameOf = (src: DecisionSource, id: string): string => shownName(src, id)

/** Every well-formed proposal of a current member with its counts: open ones first, soonest closing first. */
export function decisions(src: DecisionSource, now: number): DecisionView[] {
  const out: DecisionView[] = []
  for (const [proposer, d] of src.docs) {
    if (!src.members.has(proposer)) continue
    for (const [id, v] of proposalsOf(d)) {
      const p = ITEM_ID.test(id) ? readProposal(v) : null
      if (p) out.push(tally(src, makeRef(proposer, id), proposer, p, now))
    }
  }
  return out.sort((a, b) => Number(a.closed) - Number(b.closed) || (a.closed ? b.closesAt - a.closesAt : a.closesAt - b.closesAt) || (a.id < b.id ? -1 : 1))
}

export function decision(src: DecisionSource, ref: Ref, now: number): DecisionView {
  const p = proposalAt(src, ref)
  if (!p) throw errors.NOT_FOUND('no such decision')
  return tally(src, ref, (parseRef(ref) as { authorId: string }).authorId, p, now)
}

function tally(src: DecisionSource, ref: Ref, proposer: string, p: Proposal, now: number): DecisionView {
  const h = proposalHash(p)
  const counts = p.options.map(() => 0)
  let myVote: number | null = null
  for (const [voter, d] of src.docs) {
    if (!src.members.has(voter)) continue
    const v = votesOf(d).get(ref) as Record<string, unknown> | undefined
    if (typeof v !== 'object' || v === null || v.proposal !== h || typeof v.proposal !== 'string' || !HASH.test(v.proposal)) continue
    const option = v.option
    if (!Number.isInteger(option) || (option as number) < 0 || (option as number) >= counts.length) continue
    if (!isTime(v.at) || v.at >= p.closesAt) continue
    counts[option as number]! += 1
    if (voter === src.me) myVote = option as number
  }
  return {
    id: ref, proposer, proposerName: nameOf(src, proposer), text: p.text, options: p.options, createdAt: p.createdAt,
    closesAt: p.closesAt, closed: now >= p.closesAt, counts, voters: counts.reduce((a, b) => a + b, 0), myVote,
  }
}
