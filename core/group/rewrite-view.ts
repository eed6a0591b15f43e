/**
 * What facilitators see of a rewritten device log (equivocation.ts): per frozen log, who
 * reported it and both versions of the block where they part, opened with this device's epoch
 * keys. A version's words are read from its own block alone (a post, a reply, a governance
 * event's kind); anything else shows its doc only.
 */
import * as Y from 'yjs'
import type { MethodHandlers, RewrittenLog, RewrittenVersion } from '../api.ts'
import { errors } from '../errors.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { BlockKind, decodeBlock } from '../store/block-codec.ts'
import { decodeSignedState, type SignedState } from '../store/tree-proof.ts'
import { openEvent } from './gov-event.ts'
import { bothBlocks, checkEvidence } from './equivocation.ts'
import type { GroupContext } from './group-handlers.ts'
import type { GroupSpace } from './group-space.ts'

/**
 * The words a block's update sets (a post's or reply's `text`). Read from its structs, not by
 * applying it: alone, an update usually depends on its writer's earlier ones and would wait.
 */
function words(update: Uint8Array): string[] {
  try {
    const out: string[] = []
    for (const s of Y.decodeUpdate(update).structs) {
      if (!(s instanceof Y.Item) || s.parentSub !== 'text') continue
      for (const v of s.content.getContent()) if (typeof v === 'string') out.push(v)
    }
    return out
  } catch {
    return []
  }
}

function version(space: GroupSpace, s: SignedState, index: number): RewrittenVersion {
  const raw = s.block?.index === index ? s.block.value : null
  // No block: taken back when the state ends at or before the index; otherwise the state holds
  // one that the evidence does not carry (two trees at one fork: the other machine's side).
  if (!raw) return { fork: s.fork, length: s.length, block: s.length > index ? { kind: 'other', docId: '', texts: [], notCarried: true } : null }
  // Evidence of very large blocks carries their leaves only (equivocation.ts): nothing to show.
  if (s.block?.leaf) return { fork: s.fork, length: s.length, block: { kind: 'other', docId: '', texts: [], notCarried: true } }
  try {
    const b = decodeBlock(raw, (e) => (space.holdsEpoch(e) ? space.epochKey(e) : undefined), fastProvider)
    if (b.kind === BlockKind.Governance) {
      const { event } = openEvent(b.payload)
      const target = 'member' in event.body && typeof event.body.member === 'string' ? space.governance.members.get(event.body.member)?.pseudonym ?? event.body.member : null
      return { fork: s.fork, length: s.length, block: { kind: 'governance', docId: b.docId, texts: [target ? `${event.kind} ${target}` : event.kind] } }
    }
    const texts = b.kind === BlockKind.YjsUpdate ? words(b.payload) : []
    return { fork: s.fork, length: s.length, block: { kind: texts.length ? 'words' : 'other', docId: b.docId, texts } }
  } catch {
    return { fork: s.fork, length: s.length, block: { kind: 'other', docId: '', texts: [] } }
  }
}

/** Every frozen or lifted log with its reports, smallest index first per log. */
export function rewrittenLogs(space: GroupSpace): RewrittenLog[] {
  const gov = space.governance
  const name = (id: string | undefined | null): string => (id ? (gov.members.get(id) ?? gov.former.get(id))?.pseudonym ?? 'unknown' : 'unknown')
  const who = (id: string): { member: string; name: string } => ({ member: id, name: name(id) })
  const logs = new Map<string, number>(gov.frozen)
  for (const [log, ranges] of gov.freezes.gaps) if (!logs.has(log)) logs.set(log, Math.min(...ranges.map(([a]) => a)))
  const out: RewrittenLog[] = []
  for (const [log, index] of logs) {
    const reports = gov.forkReports.filter((r) => r.log === log)
    // The report with both blocks at the freeze, if any: a first one may only know the block was taken back.
    const first = reports.find((r) => r.index === index && bothBlocks(r)) ?? reports.find((r) => r.index === index) ?? reports[0]
    const versions = first ? [first.a, first.b].map((x) => version(space, decodeSignedState(Buffer.from(x, 'base64')), first.index)) : []
    const member = first?.member ?? null
    const entry: RewrittenLog = { log, member, memberName: name(member), index, reportedBy: reports.map((r) => ({ member: r.by, name: name(r.by), at: r.at })), versions }
    const lift = gov.frozen.has(log) ? undefined : gov.freezes.lifts.filter((l) => l.log === log).at(-1)
    if (lift) entry.lifted = { resume: lift.resume, by: lift.by.map(who), at: lift.at }
    const waits = gov.freezes.pendingLifts.get(log)
    if (waits && gov.frozen.has(log)) entry.liftWaits = { by: who(waits.by), at: waits.at }
    out.push(entry)
  }
  return out
}

/**
 * The lift a facilitator writes: from past every block this device holds of the log and every
 * version the evidence shows, so it covers all the evidence known here (equivocation.ts
 * freezeSet). Words the member wrote after the rewrite and before this stay unshown.
 */
export async function liftFreeze(space: GroupSpace, log: string): Promise<void> {
  const gov = space.governance
  if (gov.members.get(space.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators lift a freeze')
  const index = gov.frozen.get(log)
  if (index === undefined) throw errors.LOG_NOT_FROZEN()
  const owner = gov.forkReports.find((r) => r.log === log)?.member
  if (owner === space.me) throw errors.NOT_ALLOWED('a facilitator cannot lift the freeze of their own log')
  let resume = Math.max(index + 1, space.next.get(log) ?? 0)
  for (const r of gov.forkReports) {
    if (r.log !== log) continue
    const c = checkEvidence(r)
    if (c) resume = Math.max(resume, c.a.length, c.b.length)
  }
  await space.writeGovernance({ v: 1, kind: 'log.thaw', group: gov.groupId, author: space.me, at: Date.now(), seen: space.seen(), body: { log, resume } })
}

export function rewriteHandlers(ctx: GroupContext): Pick<MethodHandlers, 'rewrittenLogs' | 'liftFreeze'> {
  const facilitatorSpace = async (groupId: string): Promise<GroupSpace> => {
    const s = await ctx.registry().space(groupId)
    if (s.governance.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators review rewritten logs')
    return s
  }
  return {
    async rewrittenLogs({ groupId }) {
      return rewrittenLogs(await facilitatorSpace(groupId))
    },
    async liftFreeze({ groupId, log }) {
      const s = await facilitatorSpace(groupId)
      await liftFreeze(s, log)
      return rewrittenLogs(s)
    },
  }
}
