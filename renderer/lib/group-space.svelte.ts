/**
 * One open group: its info, the feed (paged with `next`, filtered by topic), the members, and
 * every action on them. Each action resolves with the coded error for its own form to show, or
 * null, and re-reads the views once it lands, so what is shown is what core holds. A change
 * reported by core (`groupChanged`) re-reads the same way, coalesced so a burst of changes costs
 * one read after the one in flight.
 */
import type { ApiError, Badge, FeedPost, GroupInfo, HearthApi, LineTopic, MemberView, Result, Role, UnreadView } from '../../core/api.ts'
import { UNREAD_SECTION, type Section } from './sections.ts'
import { focusWhenShown } from './focus.ts'
import { settle } from './call.ts'
import { ExportController } from './export.svelte.ts'
import { InvitesController } from './invites.svelte.ts'
import { ModerationController } from './moderation.svelte.ts'
import { SyncStatusController } from './sync-status.svelte.ts'
import { topicName } from '../i18n/vocabulary.ts'

export type { Section } from './sections.ts'

/** What a message on the private line is about, when the person came from a post or a flag. */
export interface LineDraft {
  topic: LineTopic
  /** The post or reply ("<authorId>:<itemId>") it is about. */
  about: string | null
}

export const PAGE_SIZE = 20
/** The most one feed call returns (core's limit). */
const MAX_PAGE = 100

export interface NewPost {
  text: string
  topic: string
  cw?: string
}

export class GroupSpaceController {
  readonly groupId: string
  readonly sync: SyncStatusController
  readonly invites: InvitesController
  /** Lives as long as the group is open, so an export keeps running while other sections show. */
  readonly exporter: ExportController
  readonly moderation: ModerationController
  info: GroupInfo | null = $state.raw(null)
  posts: FeedPost[] = $state.raw([])
  next: string | null = $state(null)
  /**
   * While the group's history is still arriving on this device (GroupInfo.arriving, or a feed page
   * marked FeedPage.preview: the same state in core): the feed, members, decisions, requests and
   * review screens say so (ArrivingNotice.svelte). Re-read with the views on every change core
   * reports, so it goes when the history has arrived.
   */
  arriving = $state(false)
  topic: string | null = $state(null)
  members: MemberView[] = $state.raw([])
  section: Section = $state('feed')
  /** Set by "write to the facilitators" from a post, a flag or the member list; the line's form starts from it. */
  lineDraft: LineDraft | null = $state(null)
  /** What is new since I last looked, per section (core counts; the last-read mark stays on this device). */
  unread: UnreadView | null = $state.raw(null)
  loadError: ApiError | null = $state(null)
  loadingMore = $state(false)
  /** Counts changes core reported in this group: sections that read their own views re-read on it. */
  changes = $state(0)

  readonly #api: HearthApi
  #refreshing: Promise<void> | null = null
  #again = false
  /** Bumped when the topic changes, so a read that started before it is thrown away. */
  #generation = 0

  constructor(api: HearthApi, groupId: string) {
    this.#api = api
    this.groupId = groupId
    this.sync = new SyncStatusController(api, groupId)
    this.invites = new InvitesController(api, groupId)
    this.exporter = new ExportController(api, groupId)
    this.moderation = new ModerationController(api, groupId, { isFacilitator: () => this.isFacilitator, feedChanged: () => this.refresh() })
  }

  /** Core said something in the group changed: every view of it reads again. */
  changed(): void {
    this.changes++
    void this.refreshUnread()
    void this.refresh()
    void this.sync.refresh()
    this.invites.refresh()
    void this.moderation.refresh()
  }

  /** The API for a section's own controller (resources, meetings, care). */
  get api(): HearthApi {
    return this.#api
  }

  /** Opens the private line to the facilitators, about something when that is known. */
  openLine(topic: LineTopic = 'concern', about: string | null = null): void {
    this.lineDraft = { topic, about }
    this.section = 'line'
    void focusWhenShown('line-title')
  }

  get isFacilitator(): boolean {
    return this.info?.role === 'facilitator'
  }

  topicLabel(id: string): string {
    const topic = this.info?.topics.find((t) => t.id === id)
    return topic ? topicName(topic) : id
  }

  async refreshUnread(): Promise<void> {
    const r = await settle(this.#api.unread({ groupId: this.groupId }))
    if (r.ok) this.unread = r.value[0] ?? null
  }

  /** The person has seen this section: its new things are no longer new (the feed keeps its marks until re-read). */
  async markRead(section: Section): Promise<void> {
    const name = UNREAD_SECTION[section]
    if (!name) return
    const r = await settle(this.#api.markRead({ groupId: this.groupId, section: name }))
    if (r.ok) this.unread = r.value
  }

  async load(): Promise<void> {
    void this.refreshUnread()
    await this.refresh()
    await this.moderation.refresh()
  }

  /** Re-reads info, members and as many feed posts as are shown now. */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true
      return this.#refreshing
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false
        await this.#reread()
      } while (this.#again)
    })().finally(() => (this.#refreshing = null))
    return this.#refreshing
  }

  async setTopic(topic: string | null): Promise<void> {
    if (topic === this.topic) return
    this.topic = topic
    this.posts = []
    this.next = null
    this.#generation++
    await this.refresh()
  }

  async loadMore(): Promise<void> {
    if (!this.next || this.loadingMore) return
    const generation = this.#generation
    this.loadingMore = true
    try {
      const r = await settle(this.#api.feed({ groupId: this.groupId, before: this.next, limit: PAGE_SIZE, marks: true, ...this.#topicInput() }))
      if (generation !== this.#generation) return
      if (!r.ok) {
        this.loadError = r.error
        return
      }
      // A post written while paging shifts the pages; never show one twice.
      const shown = this.posts
      this.posts = [...shown, ...r.value.posts.filter((p) => !shown.some((q) => q.id === p.id))]
      this.next = r.value.next
    } finally {
      this.loadingMore = false
    }
  }

  post(p: NewPost): Promise<ApiError | null> {
    return this.#act(this.#api.post({ groupId: this.groupId, text: p.text, topic: p.topic, ...(p.cw ? { cw: p.cw } : {}) }))
  }

  reply(to: string, text: string): Promise<ApiError | null> {
    return this.#act(this.#api.reply({ groupId: this.groupId, to, text }))
  }

  /** `cw` undefined leaves the warning as it is; null takes it off. */
  edit(id: string, text: string, cw?: string | null): Promise<ApiError | null> {
    return this.#act(this.#api.edit({ groupId: this.groupId, id, text, ...(cw !== undefined ? { cw } : {}) }))
  }

  remove(id: string): Promise<ApiError | null> {
    return this.#act(this.#api.remove({ groupId: this.groupId, id }))
  }

  react(to: string, kind: string, on: boolean): Promise<ApiError | null> {
    return this.#act(this.#api.react({ groupId: this.groupId, to, kind, on }))
  }

  setRules(text: string): Promise<ApiError | null> {
    return this.#act(this.#api.setRules({ groupId: this.groupId, text }))
  }

  acceptRules(version: number): Promise<ApiError | null> {
    return this.#act(this.#api.acceptRules({ groupId: this.groupId, version }))
  }

  /** Facilitators: remove a member (core rotates the group key so they read nothing new). */
  removeMember(member: string): Promise<ApiError | null> {
    return this.#act(this.#api.removeMember({ groupId: this.groupId, member }))
  }

  /** Facilitators: make a member a facilitator (with a badge in facilitated groups), or a facilitator a member. */
  setRole(member: string, role: Role, badge?: Badge): Promise<ApiError | null> {
    return this.#act(this.#api.setRole({ groupId: this.groupId, member, role, ...(badge ? { badge } : {}) }))
  }

  /** Facilitators: whether removing a member needs a second facilitator's agreement (a group setting). */
  setRemovalNeedsSecond(removalNeedsSecond: boolean): Promise<ApiError | null> {
    return this.#act(this.#api.updateSettings({ groupId: this.groupId, removalNeedsSecond }))
  }

  /** Leave the group: this device keeps what it has and gets nothing new. */
  leave(): Promise<ApiError | null> {
    return this.#act(this.#api.leaveGroup({ groupId: this.groupId }))
  }

  /** Whether this device's member is still in the group. */
  get membershipEnded(): boolean {
    return this.info !== null && this.info.membership !== 'member'
  }

  #topicInput(): { topic?: string } {
    return this.topic ? { topic: this.topic } : {}
  }

  async #act(call: Promise<Result<unknown>>): Promise<ApiError | null> {
    const r = await settle(call)
    if (!r.ok) return r.error
    await this.refresh()
    return null
  }

  async #reread(): Promise<void> {
    const generation = this.#generation
    const groupId = this.groupId
    const [info, members, feed] = await Promise.all([
      settle(this.#api.groupInfo({ groupId })),
      settle(this.#api.members({ groupId })),
      this.#readFeed(Math.max(PAGE_SIZE, this.posts.length)),
    ])
    if (generation !== this.#generation) return
    const failed = [info, members, feed].find((r) => !r.ok)
    this.loadError = failed && !failed.ok ? failed.error : null
    if (info.ok) this.info = info.value
    if (members.ok) this.members = members.value
    if (feed.ok) {
      this.posts = feed.value.posts
      this.next = feed.value.next
    }
    // Either read saying so is enough: the two calls ran apart, and the next change re-reads both.
    if (info.ok || feed.ok) this.arriving = (info.ok && info.value.arriving === true) || (feed.ok && feed.value.preview === true)
  }

  /** The newest `want` posts (or all there are), following `next` across pages. */
  async #readFeed(want: number): Promise<Result<{ posts: FeedPost[]; next: string | null; preview?: true }>> {
    const posts: FeedPost[] = []
    let before: string | undefined
    for (;;) {
      const limit = Math.min(MAX_PAGE, want - posts.length)
      const r = await settle(this.#api.feed({ groupId: this.groupId, limit, marks: true, ...this.#topicInput(), ...(before ? { before } : {}) }))
      if (!r.ok) return r
      posts.push(...r.value.posts)
      if (!r.value.next || posts.length >= want) return { ok: true, value: { posts, next: r.value.next, ...(r.value.preview ? { preview: true as const } : {}) } }
      before = r.value.next
    }
  }
}
