/**
 * The group half of the support features (issue 8): the resource directory and suggestions, the
 * hotline list and the link opener, meetings with RSVPs and .ics copies, shared training and
 * shared check-ins. Shared docs are written only by facilitators (Governance.writersOf); what a
 * member contributes goes in their own member doc.
 */
import type * as Y from 'yjs'
import type { MethodHandlers, ResourceFields } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId, sharedDocId } from '../model/doc-id.ts'
import { readSharedCheckIns } from '../model/check-ins.ts'
import { HOTLINES, hotlineUrls } from '../model/hotlines.ts'
import { meetingIcs } from '../model/ics.ts'
import { cancelMeeting, readMeetings, saveMeeting, setRsvp } from '../model/meetings-doc.ts'
import { addEntry, addSuggestion, directoryUrls, dismissSuggestion, findSuggestion, isSafeUrl, readDirectory, readSuggestions, removeEntry } from '../model/resources-doc.ts'
import { readSharedTraining, readTraining, shareTraining, TRAINING_DOC } from '../model/training.ts'
import { writeReadableCopy } from '../store/readable-export.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { isFacilitator, nameOf } from './member-names.ts'

type SupportMethods =
  | 'hotlines' | 'resources' | 'suggestResource' | 'addResource' | 'removeResource' | 'dismissSuggestion' | 'openLink'
  | 'meetings' | 'saveMeeting' | 'cancelMeeting' | 'rsvp' | 'exportMeeting' | 'shareTraining' | 'trainingShared' | 'groupCheckIns'

export interface SupportContext {
  registry(): GroupRegistry
  now(): number
  /** Opens an https link in the system browser (the Electron shell's allowlisted opener); absent = cannot. */
  openLink?: (url: string) => Promise<boolean>
}

/** Member docs as plain Y.Docs, by member id: only current members. */
export function memberYDocs(s: GroupSpace): Map<string, Y.Doc> {
  const out = new Map<string, Y.Doc>()
  for (const [id, d] of s.docs.memberDocs()) if (s.governance.members.has(id)) out.set(id, d.doc)
  return out
}

function requireFacilitator(s: GroupSpace, what: string): void {
  if (!isFacilitator(s)) throw errors.NOT_ALLOWED(`only facilitators ${what}`)
}

function fields(i: ResourceFields): ResourceFields {
  return { category: i.category, name: i.name, region: i.region, contact: i.contact, url: i.url, notes: i.notes }
}

export function supportHandlers(ctx: SupportContext): Pick<MethodHandlers, SupportMethods> {
  const space = (groupId: string): Promise<GroupSpace> => ctx.registry().space(groupId)
  const doc = (s: GroupSpace, name: 'resources' | 'meetings') => s.docs.doc(sharedDocId(name))
  const meetingView = (s: GroupSpace, id: string) => {
    const m = readMeetings(doc(s, 'meetings'), memberYDocs(s), nameOf(s), s.me, s.governance.writerOf()).find((x) => x.id === id)
    if (!m) throw errors.NOT_FOUND('no such meeting')
    return m
  }
  return {
    async hotlines() {
      return HOTLINES
    },
    async resources({ groupId }) {
      const s = await space(groupId)
      const shared = doc(s, 'resources')
      return {
        directory: readDirectory(shared, nameOf(s), s.governance.writerOf()),
        suggestions: readSuggestions(shared, memberYDocs(s), nameOf(s), s.me, isFacilitator(s) ? null : s.me),
      }
    },
    async suggestResource({ groupId, ...f }) {
      const s = await space(groupId)
      let id = ''
      await s.change(memberDocId(s.me), (d) => (id = addSuggestion(d, s.me, fields(f), ctx.now())))
      return { id }
    },
    async addResource({ groupId, fromSuggestion, ...f }) {
      const s = await space(groupId)
      requireFacilitator(s, 'add to the directory')
      if (fromSuggestion !== undefined && !findSuggestion(memberYDocs(s), fromSuggestion)) throw errors.NOT_FOUND('no such suggestion')
      let id = ''
      await s.change(sharedDocId('resources'), (d) => (id = addEntry(d, fields(f), s.me, fromSuggestion ?? null, ctx.now())))
      return { id }
    },
    async removeResource({ groupId, id }) {
      const s = await space(groupId)
      requireFacilitator(s, 'change the directory')
      await s.change(sharedDocId('resources'), (d) => removeEntry(d, id))
      return { id }
    },
    async dismissSuggestion({ groupId, id }) {
      const s = await space(groupId)
      requireFacilitator(s, 'set suggestions aside')
      if (!findSuggestion(memberYDocs(s), id)) throw errors.NOT_FOUND('no such suggestion')
      await s.change(sharedDocId('resources'), (d) => dismissSuggestion(d, id, ctx.now()))
      return { id }
    },
    async openLink({ url, groupId }) {
      // The allowlist: the hotline list's addresses and, for a group, its curated directory's.
      const allowed = new Set(hotlineUrls())
      if (groupId !== undefined) for (const u of directoryUrls(doc(await space(groupId), 'resources'))) allowed.add(u)
      if (!isSafeUrl(url) || !allowed.has(url)) throw errors.NOT_ALLOWED('Hearth opens only the links in its hotline list and in the group directory')
      if (!ctx.openLink || !(await ctx.openLink(url))) throw errors.NOT_ALLOWED('links cannot be opened from here; copy the address instead')
      return { opened: true as const }
    },
    async meetings({ groupId }) {
      const s = await space(groupId)
      return readMeetings(doc(s, 'meetings'), memberYDocs(s), nameOf(s), s.me, s.governance.writerOf())
    },
    async saveMeeting({ groupId, id, ...f }) {
      const s = await space(groupId)
      requireFacilitator(s, 'plan meetings')
      if (!s.governance.members.has(f.facilitator)) throw errors.INVALID_INPUT('the facilitator must be a member of the group')
      let key = ''
      await s.change(sharedDocId('meetings'), (d) => (key = saveMeeting(d, f, s.me, id, ctx.now())))
      return meetingView(s, key)
    },
    async cancelMeeting({ groupId, id }) {
      const s = await space(groupId)
      requireFacilitator(s, 'cancel meetings')
      await s.change(sharedDocId('meetings'), (d) => cancelMeeting(d, id, ctx.now()))
      return meetingView(s, id)
    },
    async rsvp({ groupId, meetingId, answer }) {
      const s = await space(groupId)
      meetingView(s, meetingId)
      await s.change(memberDocId(s.me), (d) => setRsvp(d, meetingId, answer))
      return meetingView(s, meetingId)
    },
    async exportMeeting({ groupId, meetingId, path, realTitle }) {
      const s = await space(groupId)
      const ics = meetingIcs(meetingView(s, meetingId), ctx.now(), { realTitle: realTitle === true })
      return { path: await writeReadableCopy(path, ics, ctx.registry().vault.dir) }
    },
    async shareTraining({ groupId, share }) {
      const s = await space(groupId)
      const modules = readTraining(ctx.registry().personal.view(TRAINING_DOC))
      await s.change(memberDocId(s.me), (d) => shareTraining(d, modules, share))
      return readSharedTraining(s.me, memberYDocs(s).get(s.me), nameOf(s)(s.me), true)
    },
    async trainingShared({ groupId }) {
      const s = await space(groupId)
      const docs = memberYDocs(s)
      const name = nameOf(s)
      return [...s.governance.members.keys()]
        .map((id) => readSharedTraining(id, docs.get(id), name(id), id === s.me))
        .filter((v) => v.me || v.completed.length > 0)
    },
    async groupCheckIns({ groupId }) {
      const s = await space(groupId)
      return readSharedCheckIns(memberYDocs(s), nameOf(s), ctx.now())
    },
  }
}
