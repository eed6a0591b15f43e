/**
 * The web host's bridge: one WebSocket text frame per call, framed as scripts/call-frames.ts
 * says. Nothing a page sends can throw out of here: the service already turns every fault into
 * a Result, and the framing turns every malformed frame into one.
 */
import type { Result } from '../../core/api.ts'
import { errors } from '../../core/errors.ts'
import { isCall, parseCall, type ReplyFrame } from '../call-frames.ts'

export type { CallFrame, EventFrame, ReplyFrame } from '../call-frames.ts'

/** Runs one frame against `call` and resolves with the frame to send back; never rejects. */
export async function answer(data: string | null, call: (method: string, input: unknown) => Promise<Result<unknown>>): Promise<ReplyFrame> {
  const frame = parseCall(data)
  if (!isCall(frame)) return frame
  try {
    return { id: frame.id, result: await call(frame.method, frame.input) }
  } catch {
    return { id: frame.id, result: { ok: false, error: errors.INTERNAL().toApiError() } }
  }
}
