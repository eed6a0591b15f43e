/**
 * The Service contract: the one interface between a Hearth node and every front end
 * (Electron renderer via preload + IPC, the CLI, and the web host used by browser tests).
 *
 * Types only: this file must never gain a runtime import, so the renderer can depend on it
 * without pulling any of core into the browser bundle.
 *
 * Every method takes one plain-data input object and resolves to a Result. A fault never
 * reaches a front end as an exception or a stack trace: it arrives as `{ ok: false, error }`
 * with one of the codes below.
 */

/** Every error code a front end may see. One factory per code lives in core/errors.ts. */
export type ErrorCode =
  // input and contract
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'INTERNAL'
  // profile vault
  | 'PROFILE_EXISTS'
  | 'PROFILE_NOT_FOUND'
  | 'PROFILE_LOCKED'
  | 'PROFILE_BUSY'
  | 'WRONG_PASSPHRASE'
  | 'TOO_MANY_ATTEMPTS'
  | 'WEAK_PASSPHRASE'
  | 'VAULT_CORRUPT'
  | 'VAULT_TRUNCATED'
  | 'VAULT_VERSION'
  // crypto
  | 'CRYPTO_OPEN_FAILED'
  | 'CRYPTO_BAD_KEY'
  | 'CRYPTO_BAD_SIGNATURE'
  // device logs and blocks
  | 'BLOCK_MALFORMED'
  | 'BLOCK_TOO_LARGE'
  | 'BLOCK_VERSION'
  | 'BLOCK_EPOCH_UNKNOWN'
  | 'LOG_CORRUPT'
  | 'STORE_UNAVAILABLE'

export interface ApiError {
  code: ErrorCode
  /** Plain words a person can read; never a stack trace, never key material. */
  message: string
  /** Present with TOO_MANY_ATTEMPTS: how long to wait before trying again. */
  retryAfterMs?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface ProfileStatus {
  /** A vault file exists in the profile folder. */
  exists: boolean
  /** Keys are in memory. */
  unlocked: boolean
  /** Milliseconds until another unlock attempt is accepted (0 when none is pending). */
  retryAfterMs: number
}

/** Why the profile was locked. `quick-exit` comes from the quick-exit button or hotkey. */
export type LockReason = 'user' | 'idle' | 'quick-exit' | 'destroyed'

/**
 * Method name → input and output. Adding a method here forces a schema in core/schemas.ts,
 * an implementation in core/service.ts and (through the schema table) an IPC channel.
 */
export interface ApiMethods {
  profileStatus: { input: Record<string, never>; output: ProfileStatus }
  createProfile: { input: { passphrase: string }; output: ProfileStatus }
  unlock: { input: { passphrase: string }; output: ProfileStatus }
  lock: { input: { reason?: LockReason }; output: ProfileStatus }
  changePassphrase: { input: { current: string; next: string }; output: ProfileStatus }
  /** Panic wipe: destroys the keys and the profile folder. Works while locked, on purpose. */
  destroyProfile: { input: { confirm: true }; output: ProfileStatus }
}

export type MethodName = keyof ApiMethods
export type MethodInput<M extends MethodName> = ApiMethods[M]['input']
export type MethodOutput<M extends MethodName> = ApiMethods[M]['output']

/** Events a front end can subscribe to. */
export interface ApiEvents {
  locked: { reason: LockReason }
  unlocked: Record<string, never>
}

export type EventName = keyof ApiEvents

export type HearthApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
} & {
  on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void
}
