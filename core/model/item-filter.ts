/**
 * The ItemFilter a reader's views use (views.ts): the group's moderation state (the same for
 * everyone, moderation-view.ts), my personal mute list (mute-list.ts) and my own flags.
 */
import { flagsIn } from './flags.ts'
import type { MemberDoc, Ref } from './member-doc.ts'
import { hiddenNotice, type ItemState } from './moderation-view.ts'
import type { MuteList } from './mute-list.ts'
import type { RulesVersion } from './rules-doc.ts'
import type { ItemFilter } from './views.ts'

export function itemFilter(p: {
  groupId: string
  index: ReadonlyMap<Ref, ItemState>
  rules: RulesVersion | null
  mutes: MuteList
  mine: MemberDoc | undefined
}): ItemFilter {
  const myFlags = new Map((p.mine ? flagsIn(p.mine) : []).map((f) => [f.target, f.reason]))
  return {
    hidden(ref) {
      const s = p.index.get(ref)
      return s?.hidden ? hiddenNotice(s, p.rules) : null
    },
    muted: (member) => p.mutes.levelOf(p.groupId, member) !== null,
    blocked: (member) => p.mutes.levelOf(p.groupId, member) === 'block',
    myFlag: (ref) => myFlags.get(ref) ?? null,
  }
}
