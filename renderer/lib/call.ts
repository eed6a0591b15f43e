/**
 * One way to call the API from a controller: a Result always comes back, even when the bridge
 * itself fails (the background process gone, the socket closed), so views only ever deal with a
 * coded error in plain words and never with an exception.
 */
import type { ApiError, Result } from '../../core/api.ts'

export const UNREACHABLE: ApiError = { code: 'INTERNAL', message: 'Hearth could not reach its background process.' }

export async function settle<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await pending
  } catch {
    return { ok: false, error: UNREACHABLE }
  }
}

/** The error of a Result, or null when it succeeded: what an action hands back to its form. */
export function errorOf(r: Result<unknown>): ApiError | null {
  return r.ok ? null : r.error
}
