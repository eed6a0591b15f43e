/**
 * What every view reads: the members, their docs, the rules and the reader's filter. Its own module
 * so the feed's item reading (feed-items.ts) and the views (views.ts) share it without a cycle.
 */
import type { HiddenNotice } from '../api.ts'
import type { MemberDoc, Ref } from './member-doc.ts'
import type { RulesVersion } from './rules-doc.ts'
import type { Role } from './write-rule.ts'

export interface MemberInfo {
  id: string
  role: Role
  /** The pseudonym given at admission; the member's own profile may update it. */
  pseudonym: string
  /** A facilitator's profession, in facilitated groups. */
  badge?: 'counsellor' | 'advocate'
}

export interface ViewSource {
  me: string
  members: ReadonlyMap<string, MemberInfo>
  docs: ReadonlyMap<string, MemberDoc>
  rules: RulesVersion | null
  /**
   * Whose words are shown, when it differs from `members`: former members' words from before
   * their cut-off stay (the write rule already refused anything after it).
   */
  authors?: ReadonlySet<string>
  /** Moderation and my mute list (core/model/item-filter.ts); absent, everything shows. */
  filter?: ItemFilter
  /** The names every member shows, decided for the group (core/model/names.ts). */
  names?: ReadonlyMap<string, string>
}

/** What the reader may not see, and what they flagged. */
export interface ItemFilter {
  /** Why the item is hidden from everyone but its author, or null. */
  hidden(ref: Ref): HiddenNotice | null
  /** I muted (or blocked) this member: their words are left out of my views. */
  muted(member: string): boolean
  /** I blocked this member: their reactions are not counted in my views either. */
  blocked(member: string): boolean
  /** The reason I flagged an item with, or null. */
  myFlag(ref: Ref): string | null
}
