/**
 * What a group's header and settings show of it (GroupInfo), its line on the groups screen
 * (GroupSummary) and its ground rules as this member reads them. Read from a GroupSpace; used by
 * the handlers and by the first screen kept for unlock (first-screen.ts).
 */
import type { GroupInfo, GroupSummary, MemberView, RulesView } from '../api.ts'
import { groupExportPolicy } from '../archive/export-policy.ts'
import { members } from '../model/views.ts'
import { ruleItems } from '../model/rule-items.ts'
import { shownGroupName } from '../model/names.ts'
import { REACTIONS } from '../model/vocabulary.ts'
import type { GroupSpace } from './group-space.ts'
import { memberName } from './member-names.ts'
import { groupSource } from './reader-source.ts'

export function summary(space: GroupSpace): GroupSummary {
  const gov = space.governance
  return { id: gov.groupId, name: shownGroupName(gov.name), mode: gov.mode, role: gov.members.get(space.me)?.role ?? 'member' }
}

export function rulesView(space: GroupSpace): RulesView | null {
  const r = space.docs.rules().current(space.governance.writerOf())
  if (!r) return null
  const byName = memberName(space, r.by)
  const { hash: _hash, ...shown } = r
  return { ...shown, byName, acceptedByMe: space.docs.memberDoc(space.me).accepted.has(r.hash), items: ruleItems(r.text) }
}

/** Who may invite and export (issue 17), as GroupInfo shows them. */
function safetySettings(s: GroupSpace): Pick<GroupInfo, 'invitePolicy' | 'invitePolicyChosen' | 'groupExport'> {
  return { invitePolicy: s.governance.invitePolicy(), invitePolicyChosen: s.governance.settings.invitePolicy !== undefined, groupExport: groupExportPolicy(s) }
}

export function info(s: GroupSpace, presenceHidden = false): GroupInfo {
  const rules = rulesView(s)
  const pending = rules ? members(groupSource(s)).filter((m) => m.acceptedRules === null).map((m) => ({ id: m.id, name: m.pseudonym })) : []
  return {
    ...summary(s), me: s.me, topics: s.governance.settings.topics,
    reactions: Object.entries(REACTIONS).map(([id, label]) => ({ id, label })),
    rules, mustAcceptRules: rules !== null && !rules.acceptedByMe,
    membership: s.membership, removalNeedsSecond: s.governance.settings.removalNeedsSecond ?? false,
    rulesPending: pending, flagThreshold: s.governance.settings.flagThreshold,
    ...safetySettings(s), presenceHidden,
    // Read once per call, as the sync status reads it (group-handlers.ts `groupStatus`).
    ...(s.arriving ? { arriving: true as const } : {}),
  }
}

/** The members as the members list shows them, a removal waiting for its second marked. */
export function memberViews(space: GroupSpace): MemberView[] {
  const gov = space.governance
  const pending = gov.pendingRemovals
  return members(groupSource(space)).map((m) => ({
    ...m,
    ...(pending.has(m.id) ? { removalPending: true as const } : {}),
    ...(!m.me && nothingHere(space, gov.members.get(m.id)?.devices.keys() ?? []) ? { nothingHere: true as const } : {}),
  }))
}

/**
 * Whether no device log of a member has a block on this device: admitted, and nothing they wrote
 * has reached us (a join that ended before the group arrived, a device whose only copy is gone).
 * Such a member holds every newcomer's first sync until their log is served or they are removed
 * (first-sync.ts), so facilitators are shown it (session 13, second review, R3). Every join that
 * reaches the group writes the newcomer's profile at once (invitations.ts).
 */
function nothingHere(space: GroupSpace, devices: Iterable<string>): boolean {
  for (const key of devices) if ((space.logs.get(key)?.length ?? 0) > 0 || (space.next.get(key) ?? 0) > 0) return false
  return true
}
