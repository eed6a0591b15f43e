/**
 * One small controller shape for the support screens: a value read from core (`data`), the error
 * of the last read, and `act` to run a change and read again, handing its error back to the form
 * that asked. Each screen makes its own and drops it when it closes, so nothing read outlives
 * the screen (or a lock).
 */
import type { ApiError, Result } from '../../core/api.ts'
import { settle } from './call.ts'

export class Loaded<T> {
  data: T | null = $state.raw(null)
  error: ApiError | null = $state(null)
  readonly #read: () => Promise<Result<T>>

  constructor(read: () => Promise<Result<T>>) {
    this.#read = read
  }

  async load(): Promise<void> {
    const r = await settle(this.#read())
    if (r.ok) {
      this.data = r.value
      this.error = null
    } else this.error = r.error
  }

  /** Runs a change; on success reads again. Resolves with the change's error, or null. */
  async act(change: Promise<Result<unknown>>): Promise<ApiError | null> {
    const r = await settle(change)
    if (!r.ok) return r.error
    await this.load()
    return null
  }
}
