/**
 * What the views of one group read, as this reader: the docs and governance of a GroupSpace, the
 * group's moderation state, and my personal mute list. Kept apart from the handlers so the feed,
 * the queue and the CLI all judge an item the same way.
 */
import { errors } from '../errors.ts'
import { parseDocId, sharedDocId } from '../model/doc-id.ts'
import { itemFilter } from '../model/item-filter.ts'
import { flagsIn, type Flag } from '../model/flags.ts'
import { ModerationDoc } from '../model/moderation-doc.ts'
import { moderationIndex, type ModerationSource } from '../model/moderation-view.ts'
import { MUTE_DOC, MuteList } from '../model/mute-list.ts'
import { ScheduleDoc } from '../model/schedule-doc.ts'
import { feed, type ViewSource } from '../model/views.ts'
import { MemberDoc } from '../model/member-doc.ts'
import type { FeedPage } from '../api.ts'
import type * as Y from 'yjs'
import type { GroupSpace } from './group-space.ts'
import { memberNames } from './member-names.ts'

export interface PersonalReader {
  read(name: string): string | null
}

export const moderationDoc = (space: GroupSpace): ModerationDoc => new ModerationDoc(space.docs.doc(sharedDocId('moderation')))
export const scheduleDoc = (space: GroupSpace): ScheduleDoc => new ScheduleDoc(space.docs.doc(sharedDocId('schedule')))

export function moderationSource(
  space: GroupSpace, docs: ReadonlyMap<string, MemberDoc> = space.docs.memberDocs(), held?: ReadonlyMap<string, readonly Flag[]>, names?: ReadonlyMap<string, string>,
): ModerationSource {
  return {
    members: space.governance.members, docs, held, actions: moderationDoc(space).latest(space.governance.writerOf()),
    threshold: space.governance.settings.flagThreshold, rules: space.docs.rules().current(), names: names ?? memberNames(space),
  }
}

export function mutesOf(personal: PersonalReader): MuteList {
  return MuteList.parse(personal.read(MUTE_DOC))
}

/**
 * The group's words with no reader's filter: governance, docs, rules. Former members' words from
 * before their cut-off still show (the write rule already refused anything after it).
 */
export function groupSource(space: GroupSpace, preview?: ReadonlyMap<string, Y.Doc>): ViewSource {
  const real = space.docs.memberDocs()
  return sourceOf(space, real, memberNames(space, real), preview)
}

/**
 * groupSource from the member docs present (`real`, read once per call: the preview's filter needs
 * them too) and the names decided from them. A newcomer's tail previews stand in for member docs
 * still waiting for their checkpoint; `real` itself is left as it is.
 */
function sourceOf(space: GroupSpace, real: ReadonlyMap<string, MemberDoc>, names: ReadonlyMap<string, string>, preview?: ReadonlyMap<string, Y.Doc>): ViewSource {
  const gov = space.governance
  const docs = new Map(real)
  for (const [docId, doc] of preview ?? []) {
    const member = memberOf(docId)
    if (member !== null) docs.set(member, new MemberDoc(doc, member))
  }
  return {
    me: space.me, members: gov.members, docs, rules: space.docs.rules().current(),
    authors: new Set([...gov.members.keys(), ...gov.former.keys()]), names,
  }
}

/** The member a member doc id names; null for any other doc (a preview pane is only ever a member doc's). */
function memberOf(docId: string): string | null {
  const ref = parseDocId(docId)
  return ref?.cls === 'member' ? ref.name : null
}

/**
 * The flags a preview's member docs do not show but their writers hold (member id → flags), so
 * the count errs toward hiding: each pane's index flags (its writer's checkpoint and the blocks
 * before its suffix: tail-preview.ts), and those in the real doc a pane stands in for (another
 * device of the member, read whole; no page is shown while that doc holds anything, see
 * `writtenElsewhere`, but the count stays right should that rule be lifted). `real`: the member
 * docs present, not the panes.
 */
function heldFlags(real: ReadonlyMap<string, MemberDoc>, preview: ReadonlyMap<string, Y.Doc>, flags: ReadonlyMap<string, readonly Flag[]> = new Map()): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>()
  for (const docId of new Set([...preview.keys(), ...flags.keys()])) {
    const member = memberOf(docId)
    if (member === null) continue
    const doc = real.get(member)
    out.set(member, [...(flags.get(docId) ?? []), ...(doc ? flagsIn(doc) : [])])
  }
  return out
}

/** The feed's source: the group's words, and the filter of moderation, mutes and my flags. */
export function readerSource(space: GroupSpace, personal: PersonalReader): ViewSource {
  return withFilter(space, mutesOf(personal))
}

/**
 * A readable export's source: moderation applies (hidden items are left out, the exporter's own
 * included: see readable-export.ts), personal mutes do not — an export is the group's record, not
 * one reader's view. `includeHidden` (the person asked) shows everything.
 */
export function exportSource(space: GroupSpace, includeHidden: boolean): ViewSource {
  refuseWhileArriving(space)
  return includeHidden ? groupSource(space) : withFilter(space, MuteList.parse(null))
}

/**
 * While a newcomer's logs wait for their checkpoints, the docs read so far lack the newest words
 * of those logs and any hide, removal or mute in their tails: a record built from them could hold
 * a post the group hid. Exports refuse (HISTORY_ARRIVING) rather than write such a record. Until
 * the settle point after the last checkpoint and its tail (`arriving`, group-reading.ts), not only
 * while a log waits: its checkpoint and tail are read before they are in the docs. The same during
 * a newcomer's first sync until it is complete (first-sync.ts): a log read whole not read to its
 * length at first sight, or a named log no peer has told a length yet, may hold a hide of a post
 * read elsewhere.
 */
export function refuseWhileArriving(space: GroupSpace): void {
  if (space.arriving) throw errors.HISTORY_ARRIVING('a log still waits for its shared checkpoint, the rest of its tail, or (first sync) the rest of its history')
}

/** The posts a count may be made from: none while a newcomer's history arrives (see above). */
export function countedSource(space: GroupSpace, personal: PersonalReader): ViewSource | null {
  return space.arriving ? null : readerSource(space, personal)
}

/**
 * The feed as this reader sees it. While a newcomer's logs wait for their checkpoints, only the
 * page the tails give (tail-preview.ts): posts newer than the line the previews give, under the
 * same filter, marked `preview` with no older page yet; or the empty page marked `preview` (the
 * renderer says the history is still arriving) when none can be given. In a newcomer's first sync
 * (first-sync.ts), until it is complete, the same: a log read whole and not read to its length at
 * first sight is not read to its end, so `othersReadToEnd` offers no preview. For a small group
 * that is the empty page until every named log has told its length and is read to it (each under
 * 1,000 blocks, fetched whole at once): what is read cannot tell which of its posts an unread block
 * hides, so no part of it is safe to show.
 */
export function readerFeed(space: GroupSpace, personal: PersonalReader, opts: Parameters<typeof feed>[1]): FeedPage {
  // The ordinary feed once a settle point found no log waiting (see refuseWhileArriving).
  if (!space.arriving) return feed(withFilter(space, mutesOf(personal)), opts)
  // While logs wait for their checkpoints, nothing but a preview is shown: the docs read so far
  // lack the newest posts of the waiting logs, and a hide or a removal in their tails too. Once
  // none waits but no settle point has come yet, previewView is null: the empty page.
  // `settled` (group-reading.ts) reads the state itself, not whether a batch is open: a feed call
  // runs between two synchronous steps of any catch-up, and when nothing counted as read waits
  // for a transaction, a replay or a rebuild, "read to its end" is "in the docs to its end". Each
  // run ends in a settle point, so this holds during catch-ups too, not only between them.
  const view = space.settled && othersReadToEnd(space) ? space.reading.previewView() : null
  if (!view || writtenElsewhere(space, view.docs.keys())) return { posts: [], next: null, preview: true }
  const page = feed(withFilter(space, mutesOf(personal), view.docs, view.flags), opts)
  return { posts: page.posts.filter((p) => p.createdAt > view.since), next: null, preview: true }
}

/**
 * Whether a member a pane stands for has words in its real doc: written from another device of
 * that member (read whole), or waiting there for items it names (an edit or a deletion of an item
 * the real doc lacks). The page shows the pane as the member's doc, so what that device wrote is
 * not on it: a post the pane holds, deleted or edited from the other device, would show with its
 * old words. No page then, until the planned log's checkpoint is read (errs toward hiding). The
 * flags of that doc still count (heldFlags) for when this is lifted.
 */
function writtenElsewhere(space: GroupSpace, docIds: Iterable<string>): boolean {
  for (const docId of docIds) {
    if (memberOf(docId) === null || !space.docs.has(docId)) continue
    const { store } = space.docs.doc(docId)
    if (store.clients.size > 0 || store.pendingStructs !== null || store.pendingDs !== null) return true
  }
  return false
}

/**
 * Whether every log governance names that is NOT waiting for its checkpoint is read as far as it
 * is known (and its byte budget allows): a length no peer has told yet is not known. A log read in order holds its oldest words first: while
 * any is partly read, its newest posts may belong on the page above the previews' line, so no
 * preview is offered (a page missing them would not be the full read's first page).
 */
function othersReadToEnd(space: GroupSpace): boolean {
  if (space.groupId === null) return false
  for (const key of space.governance.deviceLogs()) {
    if (key === space.own.key || space.planOf(key) !== undefined) continue
    // A log no peer has offered yet counts as empty, as a log whose length is not told yet does.
    const log = space.logs.get(key)
    if (log && (space.next.get(key) ?? 0) < Math.min(log.length, space.quota.readEnd(key))) return false
  }
  return true
}

function withFilter(space: GroupSpace, mutes: MuteList, preview?: ReadonlyMap<string, Y.Doc>, previewFlags?: ReadonlyMap<string, readonly Flag[]>): ViewSource {
  // The member docs and names once per call: the source, the names and a preview's held flags
  // all read them (a feed is asked often while a newcomer waits for its first page).
  const real = space.docs.memberDocs()
  const base = sourceOf(space, real, memberNames(space, real), preview)
  const mod = moderationSource(space, base.docs, preview && heldFlags(real, preview, previewFlags), base.names)
  return {
    ...base,
    filter: itemFilter({ groupId: space.governance.groupId, index: moderationIndex(mod), rules: mod.rules, mutes, mine: base.docs.get(space.me) }),
  }
}
