/**
 * Moderation, decisions and the facilitation rotation of one group, for the screens: the review
 * queue (facilitators), my mute list, the decisions and the schedule. Each action resolves with
 * the coded error for its own form, or null, then re-reads these lists and asks the group space
 * to re-read the feed (a flag or a restore changes what the feed shows).
 */
import type { ApiError, DecisionView, HearthApi, ModerationItem, MuteLevel, MuteView, Result, RewrittenLog, ScheduleView } from '../../core/api.ts'
import { settle } from './call.ts'

export class ModerationController {
  queue: ModerationItem[] = $state.raw([])
  /** Facilitators: members' device logs proven rewritten, with both versions. */
  rewritten: RewrittenLog[] = $state.raw([])
  mutes: MuteView[] = $state.raw([])
  decisions: DecisionView[] = $state.raw([])
  schedule: ScheduleView | null = $state.raw(null)
  loadError: ApiError | null = $state(null)

  readonly #api: HearthApi
  readonly #groupId: string
  readonly #isFacilitator: () => boolean
  readonly #feedChanged: () => Promise<void>

  constructor(api: HearthApi, groupId: string, opts: { isFacilitator: () => boolean; feedChanged: () => Promise<void> }) {
    this.#api = api
    this.#groupId = groupId
    this.#isFacilitator = opts.isFacilitator
    this.#feedChanged = opts.feedChanged
  }

  #refreshing: Promise<void> | null = null
  #again = false

  /** Re-reads the lists; a burst of changes while one read is in flight costs one more read. */
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

  async #reread(): Promise<void> {
    const groupId = this.#groupId
    const [mutes, decisions, schedule, queue] = await Promise.all([
      settle(this.#api.listMutes({ groupId })),
      settle(this.#api.decisions({ groupId })),
      settle(this.#api.schedule({ groupId })),
      this.#isFacilitator() ? settle(this.#api.moderationQueue({ groupId })) : Promise.resolve({ ok: true, value: [] } as Result<ModerationItem[]>),
    ])
    if (mutes.ok) this.mutes = mutes.value
    if (decisions.ok) this.decisions = decisions.value
    if (schedule.ok) this.schedule = schedule.value
    if (queue.ok) this.queue = queue.value
    if (this.#isFacilitator()) {
      const rewritten = await settle(this.#api.rewrittenLogs({ groupId }))
      if (rewritten.ok) this.rewritten = rewritten.value
    }
    const failed = [mutes, decisions, schedule, queue].find((r) => !r.ok)
    this.loadError = failed && !failed.ok ? failed.error : null
  }

  muteLevel(member: string): MuteLevel {
    return this.mutes.find((m) => m.member === member)?.level ?? 'none'
  }

  flag(to: string, reason: string, on = true): Promise<ApiError | null> {
    return this.#act(this.#api.flag({ groupId: this.#groupId, to, reason, on }))
  }

  moderate(to: string, action: 'hide' | 'restore' | 'escalate', reason?: string, note?: string): Promise<ApiError | null> {
    return this.#act(this.#api.moderate({ groupId: this.#groupId, to, action, ...(reason ? { reason } : {}), ...(note ? { note } : {}) }))
  }

  /** Facilitators: how many different members' flags hide a post until it is reviewed. */
  setThreshold(flagThreshold: number): Promise<ApiError | null> {
    return this.#act(this.#api.updateSettings({ groupId: this.#groupId, flagThreshold }))
  }

  setMute(member: string, level: MuteLevel): Promise<ApiError | null> {
    return this.#act(this.#api.setMute({ groupId: this.#groupId, member, level }))
  }

  propose(text: string, options: string[], closesAt: number): Promise<ApiError | null> {
    return this.#act(this.#api.propose({ groupId: this.#groupId, text, options, closesAt }))
  }

  vote(proposal: string, option: number): Promise<ApiError | null> {
    return this.#act(this.#api.vote({ groupId: this.#groupId, proposal, option }))
  }

  addSlot(member: string, from: number, to: number): Promise<ApiError | null> {
    return this.#act(this.#api.scheduleAdd({ groupId: this.#groupId, member, from, to }))
  }

  removeSlot(id: string): Promise<ApiError | null> {
    return this.#act(this.#api.scheduleRemove({ groupId: this.#groupId, id }))
  }

  async #act(call: Promise<Result<unknown>>): Promise<ApiError | null> {
    const r = await settle(call)
    if (!r.ok) return r.error
    await Promise.all([this.refresh(), this.#feedChanged()])
    return null
  }
}
