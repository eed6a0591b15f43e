/**
 * The input schema of `rtcRelay` (core/api/rtc-views.ts), for core/schemas.ts: bounded strings
 * for SDP and candidates, frames as bytes no larger than a browser's data channel message.
 */
import { z } from 'zod'
import type { RtcFromPage } from '../../api/rtc-views.ts'

const peer = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)
const STATES = ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'] as const
/** A browser's data channel message limit; ChannelStream sends 16 KiB pieces. */
export const MAX_PAGE_FRAME = 64 * 1024
export const MAX_PAGE_FRAMES = 256

export const rtcFromPageSchema: z.ZodType<RtcFromPage> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local-description'), peer, sdp: z.string().min(1).max(64 * 1024), type: z.enum(['offer', 'answer']) }).strict(),
  z.object({ kind: z.literal('local-candidate'), peer, candidate: z.string().max(2048), mid: z.string().max(64) }).strict(),
  z.object({ kind: z.literal('state'), peer, state: z.enum(STATES) }).strict(),
  z.object({ kind: z.literal('channel-open'), peer }).strict(),
  z.object({ kind: z.literal('frames'), peer, frames: z.array(z.instanceof(Uint8Array).refine((f) => f.byteLength <= MAX_PAGE_FRAME, 'frame too large')).min(1).max(MAX_PAGE_FRAMES) }).strict(),
  z.object({ kind: z.literal('channel-closed'), peer }).strict(),
  z.object({ kind: z.literal('sent'), peer, bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  z.object({ kind: z.literal('failed'), peer }).strict(),
])
