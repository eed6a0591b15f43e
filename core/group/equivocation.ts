/**
 * One history (DESIGN.md §1 item 2): a device log is append-only, so two signed states of one
 * log that disagree about one index are proof that its writer rewrote it. Evidence is the
 * governance event `log.fork` (gov-event.ts), written by whichever member's device noticed, so it
 * travels with governance and a newcomer that only ever saw one version replays it too.
 *
 * Body, record version 1 of governance events:
 *   { log, signer, index, a, b }
 *     log     the device log's key, hex
 *     signer  its Hypercore signer's public key, hex (the log key is the hash of its manifest)
 *     index   the first index at which the two versions disagree, as the reporter found it
 *     a, b    base64 of two signed states (core/store/tree-proof.ts)
 *
 * Each state carries its block whole, or — when the two together would not fit in one governance
 * event (FULL_EVIDENCE_MAX) — as its leaf only (tree-proof.ts): the proof is the same, only the
 * facilitators' review cannot show those words.
 *
 * Valid when both states verify against the log's signer, and either both carry block `index`
 * with different leaves (size or Hypercore hash), or one carries it and the other is a later fork (higher fork id) whose
 * signed length ends at or before `index` (the block was taken back), or — two trees at one
 * fork — both are of the same fork and carry their roots at the same length (tree-proof.ts
 * version 2, or both version 1 of one length), some of those roots differ, and `index` is the
 * first block of the leftmost root that differs (a block, if a state carries one, must be that
 * one). Equal roots cover equal blocks, so every block before `index` is the same in both; the
 * rule may freeze up to one root's range early, never late, and it is a pure function of the two
 * trees. This is what a writer running one log key on two machines leaves: Hypercore's
 * `conflict` event gives the other side's upgrade proof (fork-watch.ts). Validity is a pure
 * function of the body: no peer's order of learning, and no author's rights, change it.
 *
 * The rule. Every valid piece of evidence freezes its log at its index; several freeze it at the
 * smallest. Every block of a frozen log at or past that index, in any version, speaks for
 * nobody: updates are refused by the write rule, and governance events carried there are left
 * out of the replay (governance-log.ts), with every causal context clamped to the freeze.
 */
import { hash } from '../crypto/hash.ts'
import { decodeSignedState, firstLeaf, leafOf, leafOnly, verifySignedState, type SignedState } from '../store/tree-proof.ts'

/**
 * Past this many base64 characters for both states together, evidence carries leaves only. A
 * governance event is one block (at most 1 MiB sealed, block-codec.ts) and base64 adds a third,
 * so whole blocks fit only up to about 700 KB together; this leaves room for the envelope.
 */
export const FULL_EVIDENCE_MAX = 600_000

export interface ForkEvidence {
  log: string
  signer: string
  index: number
  a: string
  b: string
}

export interface CheckedFork {
  index: number
  a: SignedState
  b: SignedState
}

const MEMO_MAX = 256
const memo = new Map<string, CheckedFork | null>()

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y))

/** The evidence body for two states of `log` (read with readSignedState), or null if they agree at `index`. */
export function makeEvidence(log: string, signer: Uint8Array, index: number, a: SignedState, b: SignedState, encode: (s: SignedState) => Uint8Array): ForkEvidence | null {
  let body = { log, signer: Buffer.from(signer).toString('hex'), index, a: b64(encode(a)), b: b64(encode(b)) }
  if (body.a.length + body.b.length > FULL_EVIDENCE_MAX) body = { ...body, a: b64(encode(leafOnly(a))), b: b64(encode(leafOnly(b))) }
  return checkEvidence(body) ? body : null
}

/** The checked evidence, or null when it proves nothing. Never throws; memoised by content. */
export function checkEvidence(ev: ForkEvidence): CheckedFork | null {
  const id = Buffer.from(hash(new TextEncoder().encode(`${ev.log}|${ev.signer}|${ev.index}|${ev.a}|${ev.b}`))).toString('hex')
  if (memo.has(id)) return memo.get(id) ?? null
  const out = check(ev)
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string)
  memo.set(id, out)
  return out
}

function check(ev: ForkEvidence): CheckedFork | null {
  let a: SignedState, b: SignedState
  try {
    a = decodeSignedState(Buffer.from(ev.a, 'base64'))
    b = decodeSignedState(Buffer.from(ev.b, 'base64'))
  } catch {
    return null
  }
  const log = Buffer.from(ev.log, 'hex')
  const signer = Buffer.from(ev.signer, 'hex')
  if (!verifySignedState(log, signer, a) || !verifySignedState(log, signer, b)) return null
  return twoTrees(ev.index, a, b) ?? blocksDiffer(ev.index, a, b)
}

/** Two trees of one fork over the same length that differ: frozen from the leftmost differing root's first block. */
function twoTrees(index: number, a: SignedState, b: SignedState): CheckedFork | null {
  const at = a.at ?? a.length
  if (a.fork !== b.fork || at !== (b.at ?? b.length) || at === 0) return null
  if (treesPart(a, b) !== index) return null
  if ((a.block && a.block.index !== index) || (b.block && b.block.index !== index)) return null
  return { index, a, b }
}

/**
 * Where two states carrying their roots at one length part: the first block of the leftmost root
 * that differs, or null when the roots are equal. The roots of two verified states at one length
 * are the same tree indices, in order.
 */
export function treesPart(a: SignedState, b: SignedState): number | null {
  const differs = a.roots.find((r, i) => {
    const o = b.roots[i]
    return !o || o.index !== r.index || r.size !== o.size || !same(r.hash, o.hash)
  })
  return differs ? firstLeaf(differs.index) : null
}

/** One version's block at `index` against another's, or against a later fork that took it back. */
function blocksDiffer(index: number, a: SignedState, b: SignedState): CheckedFork | null {
  const leafAt = (s: SignedState): Uint8Array | null => {
    if (!s.block || s.block.index !== index) return null
    const leaf = leafOf(s.block)
    const out = new Uint8Array(36)
    new DataView(out.buffer).setUint32(0, leaf.size, true)
    out.set(leaf.hash, 4)
    return out
  }
  const va = leafAt(a)
  const vb = leafAt(b)
  if (va && vb) return same(va, vb) ? null : { index, a, b }
  const [held, other] = va ? [a, b] : [b, a]
  if (!leafAt(held) || other.block) return null
  return other.fork > held.fork && other.length <= index ? { index, a, b } : null
}

/** Whether valid evidence carries a block at its index in both versions (not only "taken back" or two trees). */
export function bothBlocks(ev: ForkEvidence): boolean {
  const c = checkEvidence(ev)
  return c !== null && c.a.block?.index === ev.index && c.b.block?.index === ev.index
}

/** Log key → the index it is frozen at, from every valid piece of evidence among `bodies`. */
export function freezes(bodies: Iterable<ForkEvidence>): Map<string, number> {
  return freezeSet(bodies, []).frozen
}

/** A facilitators' lift (`log.thaw`): the log speaks again from `resume` on. */
export interface Lift {
  log: string
  resume: number
}

/**
 * Freezes once lifts are counted. A lift covers a piece of evidence of its log when both signed
 * states end at or before its `resume`: every block a version of that evidence held is then
 * before `resume`, so any block at or past it comes from a later version, and a later rewrite
 * is new evidence, which no earlier lift covers and which freezes again. Covered evidence leaves
 * a gap instead, [index, resume): neither version there ever speaks. Pure, like `freezes`.
 */
export function freezeSet(bodies: Iterable<ForkEvidence>, lifts: readonly Lift[]): { frozen: Map<string, number>; gaps: Map<string, [number, number][]> } {
  const frozen = new Map<string, number>()
  const gaps = new Map<string, [number, number][]>()
  for (const ev of bodies) {
    const c = checkEvidence(ev)
    if (!c) continue
    const end = Math.max(c.a.length, c.b.length)
    const resume = Math.min(...lifts.filter((l) => l.log === ev.log && l.resume >= end && l.resume > c.index).map((l) => l.resume))
    if (resume === Infinity) frozen.set(ev.log, Math.min(frozen.get(ev.log) ?? c.index, c.index))
    else gaps.set(ev.log, [...(gaps.get(ev.log) ?? []), [c.index, resume]])
  }
  return { frozen, gaps }
}

/** Whether some lift among `lifts` covers this evidence (see freezeSet). */
export function lifted(ev: ForkEvidence, lifts: readonly Lift[]): boolean {
  const c = checkEvidence(ev)
  return c !== null && lifts.some((l) => l.log === ev.log && l.resume >= Math.max(c.a.length, c.b.length) && l.resume > c.index)
}
