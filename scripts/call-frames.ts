/**
 * Calls framed as JSON, shared by the two ways a front end reaches a node from outside its
 * process: the web host's WebSocket bridge (scripts/web/bridge.ts) and a serving node's local
 * socket (scripts/cli/node-wire.ts). Each carries one JSON object per frame:
 *
 *   caller → node   { id, method, input }    id: a safe integer or a string of 1–64 characters
 *   node → caller   { id, result }           result: the service's Result for that call
 *   node → caller   { event, payload }       a service event (core/api.ts ApiEvents)
 *
 * A frame that cannot be read (not text, not JSON, not an object, no usable id, no method) is
 * answered with `{ id, result }` carrying INVALID_INPUT, `id: null` when none could be read.
 */
import type { ApiError, ApiEvents, EventName, Result } from '../core/api.ts'
import { errors } from '../core/errors.ts'

const MAX_ID_CHARS = 64

export type CallId = number | string

export interface CallFrame {
  id: CallId
  method: string
  input: unknown
}

export interface ReplyFrame {
  id: CallId | null
  result: Result<unknown>
}

export interface EventFrame<E extends EventName = EventName> {
  event: E
  payload: ApiEvents[E]
}

export const failure = (error: ApiError): Result<never> => ({ ok: false, error })

export const refusal = (id: CallId | null, why: string): ReplyFrame => ({ id, result: failure(errors.INVALID_INPUT(why).toApiError()) })

function readId(v: unknown): CallId | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v
  if (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS) return v
  return null
}

/** A call to run, or the refusal to send back instead. `null` stands for a frame that was not text. */
export function parseCall(data: string | null): CallFrame | ReplyFrame {
  if (data === null) return refusal(null, 'frames must be JSON text')
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return refusal(null, 'the frame is not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refusal(null, 'the frame is not an object')
  const frame = value as Record<string, unknown>
  const id = readId(frame.id)
  if (id === null) return refusal(null, 'the frame has no usable id')
  if (typeof frame.method !== 'string') return refusal(id, 'the frame names no method')
  return { id, method: frame.method, input: frame.input }
}

export function isCall(frame: CallFrame | ReplyFrame): frame is CallFrame {
  return 'method' in frame
}
