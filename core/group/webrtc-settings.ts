/**
 * Where the group meets over WebRTC, as governance decides it (issue 16): the `webrtc.set`
 * event (gov-event.ts), facilitators only, like every other group setting.
 *
 * Body, record version 1:
 *   webrtc.set { signal: [url…], ice: [{ url, username?, credential? }…] }
 *     signal  0–4 signaling servers, ws:// or wss://, no user or password in the address; a
 *             member's node uses the first (a device's `--signal` overrides it)
 *     ice     0–4 STUN or TURN servers: stun:HOST[:PORT], turn:HOST[:PORT][?transport=udp|tcp]
 *             or turns:HOST[:PORT]; a username and credential only for turn/turns, both or none
 *   Each address at most 200 characters, a username or credential at most 128.
 * Each event replaces the whole setting; an empty one takes WebRTC away from the group.
 *
 * The default is none of either: Hearth never uses a public signaling, STUN or TURN server that a
 * facilitator did not name. A TURN credential is readable by every member (governance is sealed
 * under the epoch key, so not by anyone else, and never at rest in the clear).
 */
import { z } from 'zod'
import { errors } from '../errors.ts'
import type { Role } from '../model/write-rule.ts'

export const WEBRTC_MAX_SERVERS = 4
const MAX_URL = 200
const MAX_SECRET = 128

const SIGNAL_URL = /^wss?:\/\/[^\s/@?#]+(\/[^\s@?#]*)?$/
const ICE_URL = /^(stun|turn|turns):([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?(\?transport=(udp|tcp))?$/

export interface IceServerSetting {
  url: string
  username?: string
  credential?: string
}

export interface WebrtcSetting {
  signal: string[]
  ice: IceServerSetting[]
}

/** The setting as it stands and who made it; `by` is null while no facilitator set one. */
export interface WebrtcSettingRecord extends WebrtcSetting {
  by: string | null
  at: number
}

const signalUrl = z.string().max(MAX_URL).regex(SIGNAL_URL).refine(isSignalUrl)
const iceServer = z.object({
  url: z.string().max(MAX_URL).regex(ICE_URL).refine((u) => !/^stun:.*\?/.test(u)),
  username: z.string().min(1).max(MAX_SECRET).optional(),
  credential: z.string().min(1).max(MAX_SECRET).optional(),
}).strict().refine((s) => (s.username === undefined) === (s.credential === undefined) && (s.username === undefined || !s.url.startsWith('stun:')))

/** The body of `webrtc.set` (gov-event.ts). */
export const webrtcSetBody = z.object({
  signal: z.array(signalUrl).max(WEBRTC_MAX_SERVERS),
  ice: z.array(iceServer).max(WEBRTC_MAX_SERVERS),
}).strict()

export type WebrtcEvent = { kind: 'webrtc.set'; author: string; at: number; body: WebrtcSetting }

function isSignalUrl(u: string): boolean {
  try {
    const url = new URL(u)
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.username === '' && url.password === '' && url.port !== '0'
  } catch {
    return false
  }
}

/** Checks a setting a facilitator asks for: INVALID_INPUT naming what is wrong (never echoing a credential). */
export function checkWebrtcSetting(setting: WebrtcSetting): WebrtcSetting {
  if (setting.signal.length > WEBRTC_MAX_SERVERS || setting.ice.length > WEBRTC_MAX_SERVERS) {
    throw errors.INVALID_INPUT(`at most ${WEBRTC_MAX_SERVERS} signaling and ${WEBRTC_MAX_SERVERS} ICE servers`)
  }
  for (const u of setting.signal) {
    if (!signalUrl.safeParse(u).success) throw errors.INVALID_INPUT(`a signaling server is a ws:// or wss:// address without a user or password, not "${u.slice(0, MAX_URL)}"`)
  }
  for (const s of setting.ice) {
    if (!iceServer.safeParse(s).success) throw errors.INVALID_INPUT(`an ICE server is stun:HOST[:PORT], turn:HOST[:PORT][?transport=tcp] or turns:HOST[:PORT] (a username and credential for TURN only, both or none), not "${s.url.slice(0, MAX_URL)}"`)
  }
  return webrtcSetBody.parse(setting)
}

export class WebrtcBook {
  private setting: WebrtcSettingRecord = { signal: [], ice: [], by: null, at: 0 }

  /** The group's setting now: none of either until a facilitator names one. */
  get current(): WebrtcSettingRecord {
    return this.setting
  }

  apply(event: WebrtcEvent, authorRole: Role | undefined): void {
    if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators choose where the group meets over WebRTC')
    this.setting = { signal: [...event.body.signal], ice: event.body.ice.map((s) => ({ ...s })), by: event.author, at: event.at }
  }

  /** What a replay decided, for Governance.fingerprint(). */
  summary(): string {
    return JSON.stringify([this.setting.signal, this.setting.ice])
  }
}
