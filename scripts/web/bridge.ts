/**
 * The web host's wire format, one JSON text frame each way:
 *
 *   page → host   { id, method, input }      id: a number or a short string chosen by the page
 *   host → page   { id, result }             result: the service's Result for that call
 *   host → page   { event, payload }         a service event (core/api.ts ApiEvents)
 *
 * A frame that cannot be read (binary, not JSON, not an object, no usable id) is answered with
 * `{ id, result: { ok: false, error } }` carrying INVALID_INPUT, with `id: null` when none could
 * be read. Nothing a page sends can throw out of here: the service already turns every fault into
 * a Result, and this module turns every malformed frame into one.
 */
import type { ApiEvents, EventName, Result } from '../../core/api.ts'
import { errors } from '../../core/errors.ts'

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

const MAX_ID_CHARS = 64

const refuse = (id: CallId | null, why: string): ReplyFrame => ({
  id,
  result: { ok: false, error: errors.INVALID_INPUT(why).toApiError() },
})

function readId(v: unknown): CallId | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v
  if (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS) return v
  return null
}

/** A call to run, or the refusal to send back instead. */
export function parseFrame(data: string | null): CallFrame | ReplyFrame {
  if (data === null) return refuse(null, 'frames must be JSON text')
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return refuse(null, 'the frame is not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse(null, 'the frame is not an object')
  const frame = value as Record<string, unknown>
  const id = readId(frame.id)
  if (id === null) return refuse(null, 'the frame has no usable id')
  if (typeof frame.method !== 'string') return refuse(id, 'the frame names no method')
  return { id, method: frame.method, input: frame.input }
}

export function isCall(frame: CallFrame | ReplyFrame): frame is CallFrame {
  return 'method' in frame
}

/** Runs one frame against `call` and resolves with the frame to send back; never rejects. */
export async function answer(data: string | null, call: (method: string, input: unknown) => Promise<Result<unknown>>): Promise<ReplyFrame> {
  const frame = parseFrame(data)
  if (!isCall(frame)) return frame
  try {
    return { id: frame.id, result: await call(frame.method, frame.input) }
  } catch {
    return { id: frame.id, result: { ok: false, error: errors.INTERNAL().toApiError() } }
  }
}
