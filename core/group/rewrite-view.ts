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
import { bothBlocks } from './equivocation.ts'
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
  if (!raw) return { fork: s.fork, length: s.length, block: null }
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

/** Every frozen log with its reports, smallest index first per log. */
export function rewrittenLogs(space: GroupSpace): RewrittenLog[] {
  const gov = space.governance
  const name = (id: string | undefined | null): string => (id ? (gov.members.get(id) ?? gov.former.get(id))?.pseudonym ?? 'unknown' : 'unknown')
  const out: RewrittenLog[] = []
  for (const [log, index] of gov.frozen) {
    const reports = gov.forkReports.filter((r) => r.log === log)
    // The report with both blocks at the freeze, if any: a first one may only know the block was taken back.
    const first = reports.find((r) => r.index === index && bothBlocks(r)) ?? reports.find((r) => r.index === index) ?? reports[0]
    const versions = first ? [first.a, first.b].map((x) => version(space, decodeSignedState(Buffer.from(x, 'base64')), first.index)) : []
    const member = first?.member ?? null
    out.push({ log, member, memberName: name(member), index, reportedBy: reports.map((r) => ({ member: r.by, name: name(r.by), at: r.at })), versions })
  }
  return out
}

export function rewriteHandlers(ctx: GroupContext): Pick<MethodHandlers, 'rewrittenLogs'> {
  return {
    async rewrittenLogs({ groupId }) {
      const s = await ctx.registry().space(groupId)
      if (s.governance.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators review rewritten logs')
      return rewrittenLogs(s)
    },
  }
}
