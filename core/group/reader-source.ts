/**
 * What the views of one group read, as this reader: the docs and governance of a GroupSpace, the
 * group's moderation state, and my personal mute list. Kept apart from the handlers so the feed,
 * the queue and the CLI all judge an item the same way.
 */
import { sharedDocId } from '../model/doc-id.ts'
import { itemFilter } from '../model/item-filter.ts'
import { ModerationDoc } from '../model/moderation-doc.ts'
import { moderationIndex, type ModerationSource } from '../model/moderation-view.ts'
import { MUTE_DOC, MuteList } from '../model/mute-list.ts'
import { ScheduleDoc } from '../model/schedule-doc.ts'
import type { ViewSource } from '../model/views.ts'
import type { GroupSpace } from './group-space.ts'

export interface PersonalReader {
  read(name: string): string | null
}

export const moderationDoc = (space: GroupSpace): ModerationDoc => new ModerationDoc(space.docs.doc(sharedDocId('moderation')))
export const scheduleDoc = (space: GroupSpace): ScheduleDoc => new ScheduleDoc(space.docs.doc(sharedDocId('schedule')))

export function moderationSource(space: GroupSpace): ModerationSource {
  return {
    members: space.governance.members, docs: space.docs.memberDocs(), actions: moderationDoc(space).latest(),
    threshold: space.governance.settings.flagThreshold, rules: space.docs.rules().current(),
  }
}

export function mutesOf(personal: PersonalReader): MuteList {
  return MuteList.parse(personal.read(MUTE_DOC))
}

/** The feed's source: governance, docs, rules, and the filter of moderation, mutes and my flags. */
export function readerSource(space: GroupSpace, personal: PersonalReader): ViewSource {
  const mod = moderationSource(space)
  const docs = mod.docs
  return {
    me: space.me, members: mod.members, docs, rules: mod.rules,
    filter: itemFilter({ groupId: space.governance.groupId, index: moderationIndex(mod), rules: mod.rules, mutes: mutesOf(personal), mine: docs.get(space.me) }),
  }
}
