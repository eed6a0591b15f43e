/**
 * The renderer's profile state: which screen shows, what the last failure was, and how long an
 * unlock must wait. Views read it and call its actions; only this controller talks to the API.
 * It holds no keys and keeps no passphrase after a call returns.
 */
import type { ApiError, HearthApi, LockReason, ProfileStatus, Result } from '../../core/api.ts'

/** `vault-missing`: the folder holds a profile's data without its vault file; never `create` then. */
export type Screen = 'starting' | 'no-bridge' | 'notice' | 'create' | 'unlock' | 'home' | 'blank' | 'vault-missing'

export class ProfileController {
  screen: Screen = $state('starting')
  status: ProfileStatus | null = $state(null)
  error: ApiError | null = $state(null)
  busy = $state(false)
  /** Epoch milliseconds before which an unlock attempt would be refused. */
  retryAt = $state(0)
  /** Why the profile last locked while this page was open, for the unlock screen to explain. */
  lockedBy: LockReason | null = $state(null)

  readonly #api: HearthApi | null
  #unsubscribe: (() => void)[] = []

  constructor(api: HearthApi | null) {
    this.#api = api
  }

  async start(): Promise<void> {
    if (!this.#api) {
      this.screen = 'no-bridge'
      return
    }
    this.#unsubscribe.push(this.#api.on('locked', ({ reason }) => this.#onLocked(reason)))
    await this.refresh()
  }

  stop(): void {
    for (const off of this.#unsubscribe.splice(0)) off()
  }

  /** Ask core where we stand and show the matching screen. */
  async refresh(): Promise<void> {
    const r = await this.#run((api) => api.profileStatus({}))
    if (r?.ok) this.#show(r.value)
  }

  /** From the first-run notice, or when read again from a later screen. */
  closeNotice(): void {
    this.error = null
    this.screen = this.status?.vaultMissing ? 'vault-missing' : !this.status?.exists ? 'create' : this.status.unlocked ? 'home' : 'unlock'
  }

  openNotice(): void {
    this.error = null
    this.screen = 'notice'
  }

  async create(passphrase: string): Promise<boolean> {
    const r = await this.#run((api) => api.createProfile({ passphrase }))
    if (r?.ok) this.#show(r.value)
    return r?.ok ?? false
  }

  async unlock(passphrase: string): Promise<boolean> {
    const r = await this.#run((api) => api.unlock({ passphrase }))
    if (r?.ok) {
      this.lockedBy = null
      this.#show(r.value)
    } else if (r && r.error.retryAfterMs) this.retryAt = Date.now() + r.error.retryAfterMs
    return r?.ok ?? false
  }

  async lock(reason: 'user' | 'idle' = 'user'): Promise<void> {
    const r = await this.#run((api) => api.lock({ reason }))
    if (r?.ok) this.#show(r.value)
  }

  /**
   * A new passphrase for the open profile. The error goes back to the settings form, not into
   * `error` (which the unlock and create screens show); the profile stays unlocked either way.
   */
  async changePassphrase(current: string, next: string): Promise<ApiError | null> {
    if (!this.#api) return null
    try {
      const r = await this.#api.changePassphrase({ current, next })
      if (!r.ok) return r.error
      this.status = r.value
      return null
    } catch {
      return { code: 'INTERNAL', message: 'Hearth could not reach its background process.' }
    }
  }

  /** Panic wipe. Works while locked, as core allows, so it is reachable from the unlock screen. */
  async destroy(): Promise<boolean> {
    const r = await this.#run((api) => api.destroyProfile({ confirm: true }))
    if (r?.ok) this.#show(r.value)
    return r?.ok ?? false
  }

  /**
   * Blank first, synchronously, then lock: whatever the lock costs, nothing stays on screen
   * while it runs. Main hides the window as soon as it sees the request.
   */
  quickExit(): void {
    this.screen = 'blank'
    this.error = null
    void this.#api?.lock({ reason: 'quick-exit' })
  }

  #onLocked(reason: LockReason): void {
    this.lockedBy = reason
    if (reason === 'quick-exit') this.screen = 'blank'
    else if (this.screen !== 'blank') void this.refresh()
  }

  #show(status: ProfileStatus): void {
    this.status = status
    this.error = null
    this.retryAt = status.retryAfterMs > 0 ? Date.now() + status.retryAfterMs : 0
    this.screen = status.vaultMissing ? 'vault-missing' : !status.exists ? 'notice' : status.unlocked ? 'home' : 'unlock'
  }

  async #run<T>(call: (api: HearthApi) => Promise<Result<T>>): Promise<Result<T> | null> {
    if (!this.#api) return null
    this.busy = true
    try {
      const r = await call(this.#api)
      if (!r.ok) this.error = r.error
      return r
    } catch {
      this.error = { code: 'INTERNAL', message: 'Hearth could not reach its background process.' }
      return null
    } finally {
      this.busy = false
    }
  }
}
