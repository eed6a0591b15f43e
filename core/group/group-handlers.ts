/**
 * The group half of the service: API methods on groups, content, rules and personal docs, each a
 * thin step from a validated input to a GroupSpace change or a view. Permission and existence
 * checks live here so every front end gets the same coded answer.
 */
import type { JoinProgress, JoinRequestView, MemberView, MethodHandlers, RulesView } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId, sharedDocId } from '../model/doc-id.ts'
import { MemberDoc, parseRef, type Ref } from '../model/member-doc.ts'
import { RulesDoc, rulesHash } from '../model/rules-doc.ts'
import { members } from '../model/views.ts'
import { groupSource, readerFeed } from './reader-source.ts'
import type { ReactionKind } from '../model/vocabulary.ts'
import { info, memberViews, rulesView, summary } from './group-info.ts'
import { FIRST_PAGE } from './first-screen.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { checkNameFor, memberName, memberNames } from './member-names.ts'
import { quotaReached } from './log-quota.ts'
import { historyWait } from './history-wait.ts'
import { cleanName } from '../model/names.ts'
import { isLive } from './join.ts'
import { repairEpochs } from './epoch-keeper.ts'
import { markFeed } from '../model/unread.ts'
import { lastReadOf } from './everyday-handlers.ts'
import { isPresenceHidden } from './presence.ts'
import type { InvitePolicy, Role } from '../api.ts'
import { compareNames } from '../model/name-order.ts'
import { checkWebrtcSetting } from './webrtc-settings.ts'

const invitersFor = (p: InvitePolicy): Role[] => (p === 'facilitators' ? ['facilitator'] : ['facilitator', 'member'])

type GroupMethods =
  | 'listGroups' | 'createGroup' | 'groupInfo' | 'feed' | 'members' | 'post' | 'reply' | 'edit' | 'remove'
  | 'react' | 'setProfile' | 'setRules' | 'acceptRules' | 'readPersonal' | 'writePersonal'
  | 'createInvite' | 'listInvites' | 'revokeInvite' | 'joinGroup' | 'groupStatus' | 'continueHere'
  | 'listRequests' | 'approveRequest' | 'declineRequest' | 'updateSettings'

export interface GroupContext {
  registry(): GroupRegistry
  now(): number
  groupsChanged(): void
  /** The profile's default pseudonym, if one was set. */
  defaultName(): string | null
  /** A join by code moved on (joinGroup); optional so contexts built for other handlers need not care. */
  joinProgress?(p: JoinProgress): void
}

const source = groupSource

/**
 * Nothing new is written under a key someone outside the group holds: when governance shows the
 * need (a member left a moment ago) the rotation comes first (core/group/epoch-keeper.ts).
 */
async function rotateIfExposed(space: GroupSpace): Promise<void> {
  if (space.groupId && space.membership === 'member' && space.governance.needsRotation()) await repairEpochs(space, Date.now)
}

/** Runs a change to my own member doc as one durable block; returns what `fn` returned. */
async function changeMine<T>(space: GroupSpace, fn: (doc: MemberDoc) => T): Promise<T> {
  await rotateIfExposed(space)
  let out: T | undefined
  await space.change(memberDocId(space.me), (doc) => {
    out = fn(new MemberDoc(doc, space.me))
  })
  return out as T
}

/** A post or reply anywhere in the group, by ref. NOT_FOUND when it does not exist or was deleted. */
function findItem(space: GroupSpace, ref: Ref): { kind: 'post' | 'reply'; post: Ref } {
  const p = parseRef(ref)
  const gov = space.governance
  const found = p && (gov.members.has(p.authorId) || gov.former.has(p.authorId)) ? space.docs.memberDoc(p.authorId).item(p.itemId) : undefined
  if (!found || found.map.get('deleted') === true) throw errors.NOT_FOUND('no such post or reply')
  if (found.kind === 'post') return { kind: 'post', post: ref }
  const post = found.map.get('post')
  if (typeof post !== 'string') throw errors.NOT_FOUND('that reply is damaged')
  return { kind: 'reply', post }
}

function requireRulesAccepted(space: GroupSpace): void {
  const r = rulesView(space)
  if (r && !r.acceptedByMe) throw errors.RULES_NOT_ACCEPTED()
}

function requestView(space: GroupSpace, id: string): JoinRequestView {
  const r = space.governance.requests.get(id)
  if (!r) throw errors.NOT_FOUND('no such request')
  return { id, pseudonym: r.joiner.pseudonym, inviteId: r.inviteId, byName: memberName(space, r.by), status: r.status }
}

/** A request a facilitator may still decide. */
function pendingRequest(space: GroupSpace, id: string) {
  if (space.governance.members.get(space.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators decide requests')
  const r = space.governance.requests.get(id)
  if (!r || r.status !== 'pending') throw errors.NOT_FOUND('no pending request from that newcomer')
  return r
}

function me(space: GroupSpace): MemberView {
  const view = members(source(space)).find((m) => m.me)
  if (!view) throw errors.INTERNAL('my membership is missing')
  return view
}

export function groupHandlers(ctx: GroupContext): Pick<MethodHandlers, GroupMethods> {
  const space = (groupId: string): Promise<GroupSpace> => ctx.registry().space(groupId)
  return {
    async listGroups() {
      // From the summaries the registry keeps: the groups screen opens no group.
      return (await ctx.registry().summaries()).sort((a, b) => compareNames(a.name, b.name))
    },
    async createGroup({ name, pseudonym, mode }) {
      const given = pseudonym ?? ctx.defaultName()
      if (!given) throw errors.INVALID_INPUT('choose a pseudonym for this group')
      const chosen = cleanName(given, 'pseudonym')
      const reg = ctx.registry()
      const s = await reg.create({ name, pseudonym: chosen, mode: mode ?? 'survivor-led' })
      void reg.goOnline(s.governance.groupId).catch(() => undefined)
      ctx.groupsChanged()
      return summary(s)
    },
    async updateSettings({ groupId, name, ...asked }) {
      const s = await space(groupId)
      // `inviters` follows the invite rule, so the two never disagree.
      const settings = asked.invitePolicy ? { ...asked, inviters: invitersFor(asked.invitePolicy) } : asked
      if (s.governance.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators change settings')
      await s.writeGovernance({
        v: 1, kind: 'settings', group: groupId, author: s.me, at: ctx.now(), seen: s.seen(),
        body: { ...(name ? { name } : {}), ...(Object.keys(settings).length ? { settings } : {}) },
      })
      return info(s, isPresenceHidden(ctx.registry().personal, groupId))
    },
    // The first screen's three reads answer from the kept screen while the group opens (first-screen.ts).
    async groupInfo({ groupId }) {
      const hidden = isPresenceHidden(ctx.registry().personal, groupId)
      const early = await ctx.registry().firstScreen(groupId)
      return early ? { ...early.info, presenceHidden: hidden } : info(await space(groupId), hidden)
    },
    async feed({ groupId, topic, before, limit, marks }) {
      const reg = ctx.registry()
      const early = !topic && !before && (limit ?? 20) === FIRST_PAGE ? await reg.firstScreen(groupId) : null
      const s = early ? null : await space(groupId)
      const page = s ? readerFeed(s, reg.personal, { ...(topic ? { topic } : {}), ...(before ? { before } : {}), limit: limit ?? 20 }) : (early as NonNullable<typeof early>).feed
      const me = s ? s.me : (early as NonNullable<typeof early>).info.me
      const marked = marks ? markFeed(page, me, lastReadOf(reg, groupId).conversations ?? null) : page
      const ownLog = await reg.ownLogStatus(groupId)
      return ownLog ? { ...marked, ownLog } : marked
    },
    async members({ groupId }) {
      const early = await ctx.registry().firstScreen(groupId)
      return early ? early.members : memberViews(await space(groupId))
    },
    async post({ groupId, text, cw, topic }) {
      const s = await space(groupId)
      requireRulesAccepted(s)
      const topics = s.governance.settings.topics
      const chosen = topic ?? (topics[0] as { id: string }).id
      if (!topics.some((t) => t.id === chosen)) throw errors.INVALID_INPUT(`this group has no topic "${chosen}"`)
      const id = await changeMine(s, (d) => d.addPost({ topic: chosen, text, cw: cw ?? null }, ctx.now()))
      return { id }
    },
    async reply({ groupId, to, text }) {
      const s = await space(groupId)
      requireRulesAccepted(s)
      const target = findItem(s, to)
      const id = await changeMine(s, (d) => d.addReply({ post: target.post, parent: to, text }, ctx.now()))
      return { id }
    },
    async edit({ groupId, id, text, cw }) {
      const s = await space(groupId)
      await changeMine(s, (d) => d.edit(id, { ...(text !== undefined ? { text } : {}), ...(cw !== undefined ? { cw } : {}) }, ctx.now()))
      return { id }
    },
    async remove({ groupId, id }) {
      const s = await space(groupId)
      await changeMine(s, (d) => d.remove(id, ctx.now()))
      return { id }
    },
    async react({ groupId, to, kind, on }) {
      const s = await space(groupId)
      findItem(s, to)
      await changeMine(s, (d) => d.react(to, kind as ReactionKind, on ?? true, ctx.now()))
      return { id: to }
    },
    async setProfile({ groupId, pseudonym, status }) {
      const s = await space(groupId)
      const name = pseudonym ? checkNameFor(s, s.me, pseudonym) : undefined
      await changeMine(s, (d) => d.setProfile({ ...(name ? { pseudonym: name } : {}), ...(status ? { status } : {}) }, ctx.now()))
      return me(s)
    },
    async setRules({ groupId, text }) {
      const s = await space(groupId)
      await rotateIfExposed(s)
      await s.change(sharedDocId('rules'), (doc) => {
        new RulesDoc(doc).set(text, s.me, ctx.now())
      })
      await changeMine(s, (d) => d.acceptRules(rulesHash(text), ctx.now()))
      return rulesView(s) as RulesView
    },
    async acceptRules({ groupId, version }) {
      const s = await space(groupId)
      const current = s.docs.rules().current()
      if (!current || current.version !== version) throw errors.INVALID_INPUT('those are not the current rules; read them again')
      await changeMine(s, (d) => d.acceptRules(current.hash, ctx.now()))
      return rulesView(s) as RulesView
    },
    async createInvite({ groupId, uses, expiresInMs, role, approval }) {
      const s = await space(groupId)
      // Where the group's rule wants a facilitator's approval on my invites, they get it whatever
      // was asked: safer than refusing the invite. Governance refuses one without it anyway.
      const required = s.governance.members.get(s.me)?.role !== 'facilitator' && s.governance.invitePolicy() === 'members-approved'
      const made = await ctx.registry().invitations.create(groupId, {
        uses: uses ?? 1, expiresAt: ctx.now() + (expiresInMs ?? 24 * 3_600_000), role: role ?? 'member', approval: required || (approval ?? false),
      })
      // The address does not travel in the code (invite-join.ts): the inviter passes it on beside it.
      const signal = s.governance.webrtc.current.signal[0]
      return { ...made, ...(signal ? { signal } : {}) }
    },
    async listInvites({ groupId }) {
      const s = await space(groupId)
      const now = ctx.now()
      return [...s.governance.invites.values()].map((i) => ({
        id: i.id, expiresAt: i.expiresAt, uses: i.uses, used: i.used, role: i.role, approval: i.approval, revoked: i.revoked,
        live: isLive(i, now) === null, byName: memberName(s, i.by),
        by: i.by, byRole: i.byRole, createdAt: i.at, needsApproval: s.governance.needsApproval(i),
      }))
    },
    async revokeInvite({ groupId, id }) {
      await ctx.registry().invitations.revoke(groupId, id)
      return { id }
    },
    async joinGroup({ code, pseudonym, waitMs, signal }) {
      const given = pseudonym ?? ctx.defaultName()
      if (!given) throw errors.INVALID_INPUT('choose a pseudonym for this group')
      const chosen = cleanName(given, 'pseudonym')
      // The same rule as the group's own setting (webrtc-settings.ts): ws:// or wss://, no user or password.
      if (signal !== undefined) checkWebrtcSetting({ signal: [signal], ice: [] })
      const r = await ctx.registry().invitations.join(code, chosen, waitMs ?? 60_000, (p) => ctx.joinProgress?.(p), signal ? { signal } : {})
      ctx.groupsChanged()
      return { group: r.groupId, status: r.status }
    },
    async groupStatus({ groupId }) {
      const reg = ctx.registry()
      const s = await reg.space(groupId)
      const resting = s.docs.isResting
      const online = await reg.onlineOf(groupId)
      const peers = online?.peers() ?? []
      // Names read every member doc: only when a peer or a full log is shown, so the sync line
      // polled from the first screen does not wake resting docs ahead of the kept screen.
      // While a newcomer's history arrives: the logs it waits for, named by their members (history-wait.ts).
      const arriving = s.arriving
      const waits = arriving ? s.waitsFor() : []
      const names = s.groupId && (peers.length || waits.length || [...s.quota.reached()].length) ? memberNames(s) : new Map<string, string>()
      const keeper = online?.keeperStatus() ?? null
      const webrtc = online?.rooms.status() ?? null
      return {
        online: online !== null,
        peers: peers.map((p) => ({ memberId: p.memberId, name: names.get(p.memberId) ?? 'member', since: p.since, transport: p.transport, ...(p.notHeardSince !== undefined ? { notHeardSince: p.notHeardSince } : {}) })),
        lastSeen: Object.fromEntries(online?.lastSeen() ?? reg.storedLastSeen(groupId)),
        writesHeld: online?.writesHeld() ?? false,
        ...(keeper ? { keeper } : {}),
        ...(webrtc ? { webrtc } : {}),
        blocks: [...s.next.values()].reduce((a, b) => a + b, 0),
        historyLeft: s.historyLeft(),
        ...(arriving ? { arriving: historyWait(waits, (log) => (s.groupId ? s.governance.memberForBlock(log, 0) : undefined), names) } : {}),
        ...(resting ? { docsResting: true } : {}),
        ...await reg.ownLogStatus(groupId).then((ownLog) => (ownLog ? { ownLog } : {})),
        ...(s.groupId ? quotaReached(s.quota, (log) => s.governance.memberForBlock(log, 0), names) : {}),
      }
    },
    async continueHere({ groupId }) {
      const reg = ctx.registry()
      await reg.space(groupId)
      await reg.store.continueHere(reg.meta(groupId).log)
      return { ownLog: (await reg.ownLogStatus(groupId)) ?? null }
    },
    async listRequests({ groupId }) {
      const s = await space(groupId)
      return [...s.governance.requests.keys()].map((id) => requestView(s, id))
    },
    async approveRequest({ groupId, id }) {
      const s = await space(groupId)
      const r = pendingRequest(s, id)
      checkNameFor(s, r.joiner.id, r.joiner.pseudonym)
      await s.writeGovernance({
        v: 1, kind: 'member.admit', group: groupId, author: s.me, at: ctx.now(), seen: s.seen(),
        body: { member: r.joiner, role: s.governance.invites.get(r.inviteId)?.role ?? 'member', invite: { id: r.inviteId, proof: r.proof }, epochs: s.heldEpochs() },
      })
      if (!s.governance.members.has(id)) throw errors.INVITE_USED_UP('the invite can admit nobody else')
      return requestView(s, id)
    },
    async declineRequest({ groupId, id }) {
      const s = await space(groupId)
      pendingRequest(s, id)
      await s.writeGovernance({ v: 1, kind: 'join.decline', group: groupId, author: s.me, at: ctx.now(), seen: s.seen(), body: { joinerId: id } })
      return requestView(s, id)
    },
    async readPersonal({ name }) {
      return { text: ctx.registry().personal.read(name) }
    },
    async writePersonal({ name, text }) {
      await ctx.registry().personal.write(name, text, ctx.now())
      return { name }
    },
  }
}
