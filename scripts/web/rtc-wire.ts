/**
 * The WebRTC relay's bytes on the web host's JSON bridge (core/api/rtc-views.ts): JSON has no
 * bytes, so a frame travels as base64 text, `send` frames to the page and `rtcRelay` frames to
 * the node. Shared by the server (Node) and the shim (the browser), so it uses neither Buffer
 * nor atob. Electron's IPC carries Uint8Array as it is and needs none of this.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const left = bytes.length - i
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (left > 1 ? ALPHABET[(n >> 6) & 63]! : '=') + (left > 2 ? ALPHABET[n & 63]! : '=')
  }
  return out
}

/** Null when `text` is not base64 (a page's lie is refused, never half-read). */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - pad)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const c = text[i + j] as string
      const v = c === '=' && i + j >= text.length - pad ? 0 : INDEX.get(c)
      if (v === undefined) return null
      n = (n << 6) | v
    }
    for (const [shift, at] of [[16, o], [8, o + 1], [0, o + 2]] as const) if (at < out.length) out[at] = (n >> shift) & 255
    o += 3
  }
  return out
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null

/** Node → page: an `rtc` event payload with its frame as base64. */
export function rtcEventToWire(payload: unknown): unknown {
  if (isObj(payload) && payload.kind === 'send' && payload.frame instanceof Uint8Array) return { ...payload, frame: toBase64(payload.frame) }
  return payload
}

/** Wire → page: the frame back to bytes (an unreadable one stays a string, and the relay drops it). */
export function rtcEventFromWire(payload: unknown): unknown {
  if (isObj(payload) && payload.kind === 'send' && typeof payload.frame === 'string') return { ...payload, frame: fromBase64(payload.frame) ?? payload.frame }
  return payload
}

/** Page → wire: an `rtcRelay` input's frames as base64. */
export function rtcCallToWire(input: unknown): unknown {
  if (isObj(input) && input.kind === 'frames' && Array.isArray(input.frames)) return { ...input, frames: input.frames.map((f) => (f instanceof Uint8Array ? toBase64(f) : f)) }
  return input
}

/** Wire → node: the frames back to bytes; anything else is left for the schema to refuse. */
export function rtcCallFromWire(input: unknown): unknown {
  if (isObj(input) && input.kind === 'frames' && Array.isArray(input.frames)) return { ...input, frames: input.frames.map((f) => (typeof f === 'string' ? (fromBase64(f) ?? f) : f)) }
  return input
}
