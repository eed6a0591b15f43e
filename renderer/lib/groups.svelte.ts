/**
 * The unlocked part of the app: the list of groups, the create-group form, and which group is
 * open. Only this controller and the open group's controller talk to the API for group data.
 * Locking drops everything they hold, so nothing read while unlocked outlives the lock.
 */
import type { ApiError, GroupMode, GroupSummary, HearthApi } from '../../core/api.ts'
import { settle } from './call.ts'
import { RestoreController } from './export.svelte.ts'
import { GroupSpaceController } from './group-space.svelte.ts'
import { JoinController } from './join.svelte.ts'

/** The personal tools: on this device only (issue 8). */
export type Tool = 'safety-plan' | 'journal' | 'training' | 'check-in' | 'hotlines'

export type Place = { kind: 'list' } | { kind: 'create' } | { kind: 'join' } | { kind: 'settings' } | { kind: 'restore' } | { kind: 'group'; groupId: string } | { kind: 'tool'; tool: Tool }

export interface NewGroup {
  name: string
  mode: GroupMode
  pseudonym: string
}

export class GroupsController {
  groups: GroupSummary[] = $state.raw([])
  /** New things per group since I last looked (core's count). */
  unread: Record<string, number> = $state.raw({})
  loaded = $state(false)
  loadError: ApiError | null = $state(null)
  busy = $state(false)
  place: Place = $state({ kind: 'list' })
  space: GroupSpaceController | null = $state.raw(null)
  /** A fresh one each time the join screen opens, so an old error is not shown again. */
  join: JoinController | null = $state.raw(null)
  /** A fresh one each time the restore form opens. */
  restore: RestoreController | null = $state.raw(null)

  readonly #api: HearthApi | null
  #unsubscribe: (() => void)[] = []

  constructor(api: HearthApi | null) {
    this.#api = api
  }

  start(): void {
    const api = this.#api
    if (!api || this.#unsubscribe.length) return
    this.#unsubscribe.push(
      api.on('groupsChanged', () => void this.load()),
      api.on('groupChanged', ({ groupId }) => {
        if (this.space?.groupId === groupId) this.space.changed()
        else void this.loadUnread()
      }),
      api.on('locked', () => this.reset()),
    )
  }

  stop(): void {
    for (const off of this.#unsubscribe.splice(0)) off()
  }

  async load(): Promise<void> {
    if (!this.#api) return
    const r = await settle(this.#api.listGroups({}))
    if (r.ok) {
      this.groups = r.value
      this.loadError = null
    } else this.loadError = r.error
    this.loaded = true
    await this.loadUnread()
  }

  async loadUnread(): Promise<void> {
    if (!this.#api) return
    const r = await settle(this.#api.unread({}))
    if (r.ok) this.unread = Object.fromEntries(r.value.map((u) => [u.groupId, u.total]))
  }

  showCreate(): void {
    this.place = { kind: 'create' }
  }

  showJoin(): void {
    this.join = new JoinController(this.#api)
    this.place = { kind: 'join' }
  }

  showRestore(): void {
    if (!this.#api) return
    this.restore = new RestoreController(this.#api)
    this.place = { kind: 'restore' }
  }

  showSettings(): void {
    this.space = null
    this.place = { kind: 'settings' }
  }

  /** The API for a screen's own controller (personal tools); null without a bridge. */
  get api(): HearthApi | null {
    return this.#api
  }

  showTool(tool: Tool): void {
    this.space = null
    this.place = { kind: 'tool', tool }
  }

  showList(): void {
    this.space = null
    this.join = null
    this.restore = null
    this.place = { kind: 'list' }
    void this.load()
  }

  /** Creates the group and opens it; the error, if any, is for the form to show. */
  async create(group: NewGroup): Promise<ApiError | null> {
    if (!this.#api) return null
    this.busy = true
    try {
      const r = await settle(this.#api.createGroup(group))
      if (!r.ok) return r.error
      await this.load()
      this.open(r.value.id)
      return null
    } finally {
      this.busy = false
    }
  }

  /** After joining: the list is read again so the new group is there to come back to. */
  async openJoined(groupId: string): Promise<void> {
    await this.load()
    this.open(groupId)
  }

  open(groupId: string): void {
    if (!this.#api) return
    this.space = new GroupSpaceController(this.#api, groupId)
    this.place = { kind: 'group', groupId }
    void this.space.load()
  }

  /** Forget every group and post read so far: called when the profile locks. */
  reset(): void {
    this.space = null
    this.join = null
    this.restore = null
    this.groups = []
    this.loaded = false
    this.loadError = null
    this.place = { kind: 'list' }
  }
}
