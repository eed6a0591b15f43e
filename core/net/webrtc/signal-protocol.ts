/**
 * The signaling wire protocol that `hearth signal` speaks: y-webrtc's (10.3.0, `bin/server.js`),
 * so y-webrtc's own clients and Hearth's meet on either server.
 *
 * Layout v1 (no version field: y-webrtc's protocol has none, and changing it would break that
 * promise). One JSON object per WebSocket text frame, from client to server:
 *   {"type":"subscribe",   "topics":[TOPIC, …]}   join rooms
 *   {"type":"unsubscribe", "topics":[TOPIC, …]}   leave rooms
 *   {"type":"publish",     "topic":TOPIC, …}       relay to every subscriber of TOPIC, the sender
 *                                                  included, with "clients": subscriber count added;
 *                                                  any other fields travel untouched
 *   {"type":"ping"}                                answered by {"type":"pong"}
 * TOPIC is a string of 1–MAX_TOPIC_CHARS characters. Hearth adds one message, server to client:
 *   {"type":"error", "code":CODE[, "topic":TOPIC]}  a refusal (SignalRefusal below); y-webrtc's
 *                                                  clients ignore types they do not know.
 * Stricter than y-webrtc's server, on purpose: binary frames and anything but the above are
 * refused with a code (y-webrtc's server throws on a frame that is not JSON), and a client may
 * publish only to a room it has joined (y-webrtc's clients always subscribe first).
 */

export const MAX_TOPIC_CHARS = 256

/** Refusals the server sends (as {"type":"error"}) or closes with (as the close reason). */
export type SignalRefusal =
  | 'SIGNAL_BAD_MESSAGE'       // not one JSON object of a known type and shape; the connection stays
  | 'SIGNAL_NOT_SUBSCRIBED'    // publish to a room this connection has not joined
  | 'SIGNAL_TOO_MANY_ROOMS'    // this connection, or the whole server, holds as many rooms as allowed
  | 'SIGNAL_ROOM_FULL'         // the room holds as many peers as allowed
  | 'SIGNAL_RATE_LIMITED'      // sent faster than allowed: the message was dropped
  | 'SIGNAL_FLOOD'             // close: kept sending while rate limited
  | 'SIGNAL_TOO_LARGE'         // close: a frame over the size bound (ws closes with 1009)
  | 'SIGNAL_SLOW_READER'       // close: this connection does not read what it is sent
  | 'SIGNAL_NO_PONG'           // close: no answer to the liveness ping
  | 'SIGNAL_SHUTDOWN'          // close: the server is stopping

export type ClientMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  | { type: 'publish'; topic: string; body: Record<string, unknown> }
  | { type: 'ping' }

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; code: 'SIGNAL_BAD_MESSAGE' }

const BAD: Parsed = { ok: false, code: 'SIGNAL_BAD_MESSAGE' }

export function isTopic(t: unknown): t is string {
  return typeof t === 'string' && t.length > 0 && t.length <= MAX_TOPIC_CHARS
}

/** Reads one frame. Never throws; the frame's size was already bounded by the WebSocket layer. */
export function parseClientMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): Parsed {
  if (isBinary) return BAD
  let value: unknown
  try {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8')
    value = JSON.parse(text)
  } catch {
    return BAD
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return BAD
  const m = value as Record<string, unknown>
  switch (m.type) {
    case 'subscribe':
    case 'unsubscribe': {
      // y-webrtc's client may send an empty list (no rooms yet) on connect; that is fine.
      if (!Array.isArray(m.topics) || !m.topics.every(isTopic)) return BAD
      const topics = [...new Set(m.topics as string[])]
      return { ok: true, message: m.type === 'subscribe' ? { type: 'subscribe', topics } : { type: 'unsubscribe', topics } }
    }
    case 'publish':
      if (!isTopic(m.topic)) return BAD
      return { ok: true, message: { type: 'publish', topic: m.topic, body: m } }
    case 'ping':
      return { ok: true, message: { type: 'ping' } }
    default:
      return BAD
  }
}

/** The frame relayed to each subscriber: the publisher's object with the room's head count. */
export function relayFrame(body: Record<string, unknown>, clients: number): string {
  return JSON.stringify({ ...body, clients })
}

export function errorFrame(code: SignalRefusal, topic?: string): string {
  return JSON.stringify(topic === undefined ? { type: 'error', code } : { type: 'error', code, topic })
}

export const PONG_FRAME = JSON.stringify({ type: 'pong' })
