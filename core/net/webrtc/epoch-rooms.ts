/**
 * The WebRTC rooms a member meets in (signal-envelope.ts v2), each with its signal key: one per
 * epoch key given. Normally that is one, the group's current epoch. A newcomer that has not read
 * the group's governance yet cannot tell which of the epoch keys its welcome handed over is the
 * current one (epoch ids are random, not ordered), so it meets in the room of each; once it has
 * read governance it keeps only the current one. Holding a key is what lets anyone into a room,
 * so meeting in several of one's own keys' rooms shows nobody anything they could not see already.
 */
import { wipe } from '../../crypto/wipe.ts'
import { signalKey, webrtcRoom } from './signal-envelope.ts'

/** A welcome hands over every epoch key; a room per key is bounded so a huge welcome cannot make us flood a server. */
export const MAX_ROOMS = 16

/** The rooms a meeting (webrtc-meet.ts) is in, each with the key its signals are sealed under. */
export interface MeetRooms {
  /** Meets in the rooms these keys name from now on; says which rooms were left and which joined. */
  set(keys: readonly Uint8Array[]): { left: string[]; joined: string[] }
  keyOf(room: unknown): Uint8Array | undefined
  all(): string[]
  wipe(): void
}

/** Rooms named and keyed by a derivation of the keys given (epoch keys, invite public keys). */
export class KeyedRooms implements MeetRooms {
  private rooms = new Map<string, Uint8Array>()

  /** `pick` bounds how many keys count; `room` and `signalKey` derive a room's name and key. */
  constructor(private readonly derive: { pick(keys: readonly Uint8Array[]): readonly Uint8Array[]; room(k: Uint8Array): string; signalKey(k: Uint8Array): Uint8Array }, keys: readonly Uint8Array[]) {
    this.set(keys)
  }

  set(keys: readonly Uint8Array[]): { left: string[]; joined: string[] } {
    const next = new Map<string, Uint8Array>()
    for (const k of this.derive.pick(keys)) {
      const room = this.derive.room(k)
      if (!next.has(room)) next.set(room, this.rooms.get(room) ?? this.derive.signalKey(k))
    }
    const left = [...this.rooms.keys()].filter((r) => !next.has(r))
    const joined = [...next.keys()].filter((r) => !this.rooms.has(r))
    for (const r of left) wipe(this.rooms.get(r) as Uint8Array)
    this.rooms = next
    return { left, joined }
  }

  /** The signal key of a room we meet in, or undefined. */
  keyOf(room: unknown): Uint8Array | undefined {
    return typeof room === 'string' ? this.rooms.get(room) : undefined
  }

  all(): string[] {
    return [...this.rooms.keys()]
  }

  wipe(): void {
    for (const k of this.rooms.values()) wipe(k)
    this.rooms.clear()
  }
}

/** The group's rooms for these epoch keys (signal-envelope.ts v2); the last MAX_ROOMS count. */
export class EpochRooms extends KeyedRooms {
  constructor(groupSecret: Uint8Array, epochKeys: readonly Uint8Array[]) {
    super({ pick: (keys) => keys.slice(-MAX_ROOMS), room: (k) => webrtcRoom(groupSecret, k), signalKey: (k) => signalKey(groupSecret, k) }, epochKeys)
  }
}
