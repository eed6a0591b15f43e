/**
 * A group's invites and the requests waiting on a facilitator. A new invite's code is held here
 * only until the person closes it: core shows a code once and never again, and a string that
 * lingers in the page is one more place for it to be seen.
 */
import type { ApiError, HearthApi, InviteView, JoinRequestView, Result, Role } from '../../core/api.ts'
import { settle } from './call.ts'

export interface NewInvite {
  uses: number
  expiresInMs: number
  approval: boolean
  role: Role
}

export interface ShownCode {
  id: string
  code: string
  expiresAt: number
}

export class InvitesController {
  invites: InviteView[] = $state.raw([])
  requests: JoinRequestView[] = $state.raw([])
  loaded = $state(false)
  loadError: ApiError | null = $state(null)
  /** The code just made, until the person closes it. */
  shown: ShownCode | null = $state.raw(null)

  readonly #api: HearthApi
  readonly #groupId: string

  constructor(api: HearthApi, groupId: string) {
    this.#api = api
    this.#groupId = groupId
  }

  async load(): Promise<void> {
    const groupId = this.#groupId
    const [invites, requests] = await Promise.all([settle(this.#api.listInvites({ groupId })), settle(this.#api.listRequests({ groupId }))])
    if (invites.ok) this.invites = [...invites.value].sort((a, b) => b.expiresAt - a.expiresAt)
    if (requests.ok) this.requests = requests.value
    const failed = [invites, requests].find((r) => !r.ok)
    this.loadError = failed && !failed.ok ? failed.error : null
    this.loaded = true
  }

  /** Re-reads only once the section has been opened: nobody needs the lists before that. */
  refresh(): void {
    if (this.loaded) void this.load()
  }

  async create(options: NewInvite): Promise<ApiError | null> {
    const r = await settle(this.#api.createInvite({ groupId: this.#groupId, ...options }))
    if (!r.ok) return r.error
    this.shown = r.value
    await this.load()
    return null
  }

  closeCode(): void {
    this.shown = null
  }

  revoke(id: string): Promise<ApiError | null> {
    return this.#act(this.#api.revokeInvite({ groupId: this.#groupId, id }))
  }

  approve(id: string): Promise<ApiError | null> {
    return this.#act(this.#api.approveRequest({ groupId: this.#groupId, id }))
  }

  decline(id: string): Promise<ApiError | null> {
    return this.#act(this.#api.declineRequest({ groupId: this.#groupId, id }))
  }

  async #act(call: Promise<Result<unknown>>): Promise<ApiError | null> {
    const r = await settle(call)
    if (!r.ok) return r.error
    await this.load()
    return null
  }
}
