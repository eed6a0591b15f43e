/**
 * The Service: implements core/api.ts on top of the rest of core. It is the one object every
 * front end talks to (Electron IPC, the CLI, the web host). Each call is validated against its
 * schema, runs, and returns a Result; no exception crosses this boundary.
 */
import type { ApiEvents, EventName, HearthApi, LockReason, MethodInput, MethodName, MethodOutput, ProfileStatus, Result } from './api.ts'
import { errors, isHearthError } from './errors.ts'
import type { KdfParams } from './crypto/kdf.ts'
import { describeIssues, inputSchemas, isMethodName, METHOD_NAMES } from './schemas.ts'
import { Vault } from './store/vault.ts'

export interface ServiceOptions {
  profileDir: string
  now?: () => number
  /** Tests only: a cheaper argon2id for profiles they create. */
  kdf?: KdfParams
  /** Called with faults that were not coded errors (bugs). Receives no user data. */
  onInternalError?: (e: unknown) => void
}

type Handlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> }
type Listener = (payload: never) => void

export interface HearthService extends HearthApi {
  /** Dispatch by name with untrusted input: what IPC and the web host call. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>
  close(): Promise<void>
}

export function createService(opts: ServiceOptions): HearthService {
  const vaultOpts = { ...(opts.now ? { now: opts.now } : {}), ...(opts.kdf ? { kdf: opts.kdf } : {}) }
  const vault = new Vault(opts.profileDir, vaultOpts)
  const listeners = new Map<EventName, Set<Listener>>()

  function emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of listeners.get(event) ?? []) {
      try {
        ;(l as (p: ApiEvents[E]) => void)(payload)
      } catch (e) {
        opts.onInternalError?.(e)
      }
    }
  }

  async function status(): Promise<ProfileStatus> {
    const exists = await vault.exists()
    return { exists, unlocked: vault.unlocked, retryAfterMs: exists && !vault.unlocked ? await vault.retryAfterMs() : 0 }
  }

  function lockNow(reason: LockReason): void {
    const was = vault.unlocked
    vault.lock()
    if (was) emit('locked', { reason })
  }

  const handlers: Handlers = {
    profileStatus: () => status(),
    async createProfile({ passphrase }) {
      await vault.create(passphrase)
      emit('unlocked', {})
      return status()
    },
    async unlock({ passphrase }) {
      const was = vault.unlocked
      await vault.unlock(passphrase)
      if (!was) emit('unlocked', {})
      return status()
    },
    async lock({ reason }) {
      lockNow(reason ?? 'user')
      return status()
    },
    async changePassphrase({ current, next }) {
      await vault.changePassphrase(current, next)
      return status()
    },
    async destroyProfile() {
      const was = vault.unlocked
      await vault.destroy()
      if (was) emit('locked', { reason: 'destroyed' })
      return status()
    },
  }

  async function call(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return { ok: false, error: errors.UNKNOWN_METHOD().toApiError() }
    const parsed = inputSchemas[method].safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: errors.INVALID_INPUT(describeIssues(parsed.error)).toApiError() }
    try {
      const run = handlers[method] as (i: unknown) => Promise<unknown>
      return { ok: true, value: await run(parsed.data) }
    } catch (e) {
      if (isHearthError(e)) return { ok: false, error: e.toApiError() }
      opts.onInternalError?.(e)
      return { ok: false, error: errors.INTERNAL().toApiError() }
    }
  }

  const api = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)]),
  ) as unknown as HearthApi

  return Object.assign(api, {
    call,
    on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(handler as Listener)
      return () => set.delete(handler as Listener)
    },
    async close() {
      lockNow('user')
      listeners.clear()
    },
  })
}
