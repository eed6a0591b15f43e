/**
 * What the vault keeps about each group of a profile, entry `group/<id>` (JSON, version 1):
 * the membership's device-log name, and for a newcomer what its welcome said until governance
 * has arrived. The group's keys sit beside it in their own binary entries (group-registry.ts).
 */
import type { WebrtcSetting } from './webrtc-settings.ts'

export interface GroupMeta {
  v: 1
  id: string
  log: string
  createdAt: number
  /** The name the welcome gave, shown until this device has read governance. */
  name?: string
  /** The logs the welcome named: where a newcomer reads governance from before it knows it. */
  seedLogs?: string[]
  /**
   * The members the welcome named: who to accept as members until this device has read its own
   * admission, after a restart too (group-online.ts). Absent in metas written before 2026-12-06.
   */
  seedMembers?: string[]
  /** Where the welcome said each log's latest shared checkpoint starts: [log key, index]. */
  seedCheckpoints?: [string, number][]
  /** Where the welcome said the group meets over WebRTC (webrtc-settings.ts), until governance says. */
  seedWebrtc?: WebrtcSetting
  /**
   * Set by the join, cleared once this profile's first sync of the group has ended: until then each
   * log it reads is held to its length at first sight before the history counts as here
   * (first-sync.ts), after a restart too. Absent for a group's creator and metas written before
   * 2026-12-07 (session 13).
   */
  firstSync?: true
  /** The keeper the welcome named (join.ts, version 4), followed until governance says. */
  seedKeeper?: { key: string; register: string }
}

export const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v))
