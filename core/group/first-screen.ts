/**
 * The first screen at unlock (issue 19): a group's header, members and newest feed page as they
 * were at its last quiet moment, kept sealed (core/store/first-screen-file.ts) and shown at once
 * while the group's docs load behind it. Applying a large group's doc states alone takes longer
 * than the half second a person should wait for their group, so the page cannot come from them.
 *
 * Shown only when it is exactly what opening the group would show now: every log it was read
 * from has the same length and fork id as then (each was read to its end, so any block written or
 * received since, or a truncation, changed one), and the mute list is the one the feed was
 * filtered with. Otherwise the group opens in full first, as before. What is personal and cheap
 * (presence, feed marks, own-log status) is read at the call, not kept. Once the group is open
 * and its docs awake its live views answer; they say the same, so no change event is sent (the
 * desktop notifier would announce one). An open that fails ends the kept screen and sends one, so
 * the error shows. A group opened at unlock rests on its checkpoint (doc-rest.ts `openOn`): while
 * its docs rest the kept screen answers too, and they wake behind it.
 *
 * Kept FIRST_SCREEN_QUIET_MS after a group's last change and after it opens, and once no block has
 * gone out or come in for a while (traffic-clock.ts, at most FIRST_SCREEN_TRAFFIC_CAP_MS more); never from docs that
 * rest, are being rebuilt or wait for typing, nor while any log is read only in part.
 *
 * The group's unread counts are kept with it (`counts`), checked the same way and against the
 * last-read positions too: the groups screen asks for every group's counts at unlock, and
 * counting reads every doc, so without them the first group's docs load (a second and more on
 * the event loop for a large group) before its screen can answer. Asking for the counts wakes
 * nothing; only the screen itself does.
 */
import type { UnreadView } from '../api.ts'
import { equalBytes, hash } from '../crypto/hash.ts'
import { wipe } from '../crypto/wipe.ts'
import { lastReadDocName } from '../model/last-read.ts'
import { MUTE_DOC, MuteList } from '../model/mute-list.ts'
import { feed } from '../model/views.ts'
import { writeCheckpoint } from '../store/checkpoint-file.ts'
import { encodeFirstScreen, readFirstScreen, type KeptScreen, type LogState, type ScreenViews } from '../store/first-screen-file.ts'
import { info, memberViews } from './group-info.ts'
import type { GroupSpace } from './group-space.ts'
import { readerSource, type PersonalReader } from './reader-source.ts'
import { afterTraffic, type TrafficClock } from './traffic-clock.ts'

/** How long a group goes without a change before its first screen is kept. */
export const FIRST_SCREEN_QUIET_MS = 2_000
/**
 * And then at most this long more while blocks go out or come in (traffic-clock.ts): counting a
 * large group's unreads holds the event loop, and serving a newcomer changes nothing.
 */
export const FIRST_SCREEN_TRAFFIC_CAP_MS = 30_000
/** The feed page kept: the renderer's first page (renderer/lib/group-space.svelte.ts PAGE_SIZE). */
export const FIRST_PAGE = 20

export interface ScreenHost {
  /** Where the group's first screen is kept. */
  file(groupId: string): string
  /** The group's first-screen key (a copy; wiped after use). */
  key(groupId: string): Uint8Array
  /** Whether this space is still the group's open one. */
  isOpen(groupId: string, space: GroupSpace): boolean
  personal: PersonalReader
  /** A log's length and fork id in the store now. */
  logState(logKey: string): Promise<LogState>
  /** The group's unread counts, from its awake docs (unread-of.ts). */
  count(space: GroupSpace): UnreadView
  /** When a block last went out or came in (traffic-clock.ts); none: the screen is kept once the group is quiet. */
  readonly traffic?: TrafficClock
}

export class FirstScreens {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly kept = new Map<string, Promise<KeptScreen | null>>()
  /** Kept screens being read from disk: each resolves a macrotask after the read, once the calls waiting on it have answered. */
  private readonly reading = new Map<string, Promise<void>>()
  /** Groups whose kept screen was shown since it was read from disk (the open or wake behind it started). */
  private readonly shown = new Set<string>()
  private readonly writes = new Set<Promise<unknown>>()

  constructor(private readonly host: ScreenHost) {}

  /** The group changed (or opened): its screen is kept once it has been quiet a while. */
  changed(groupId: string, space: GroupSpace): void {
    clearTimeout(this.timers.get(groupId))
    const arm = (timer: NodeJS.Timeout): void => void this.timers.set(groupId, timer)
    const fire = (): void => {
      this.timers.delete(groupId)
      if (this.host.isOpen(groupId, space)) void this.keep(groupId, space)
    }
    const timer = setTimeout(() => afterTraffic(this.host.traffic, Date.now() + FIRST_SCREEN_TRAFFIC_CAP_MS, fire, arm), FIRST_SCREEN_QUIET_MS)
    timer.unref?.()
    arm(timer)
  }

  /** Whether the group's screen is due to be kept once quiet (for tests: an event to wait on). */
  pending(groupId: string): boolean {
    return this.timers.has(groupId)
  }

  /** Reads the screen from the space and writes it sealed. Resolves whether it was kept. */
  async keep(groupId: string, space: GroupSpace): Promise<boolean> {
    const keys = logsOf(space)
    if (!keys) return false
    const read = await Promise.all(keys.map((k) => this.host.logState(k).catch(() => ({ length: -1, fork: -1 }))))
    const states = new Map(keys.map((k, i) => [k, read[i] as LogState]))
    // From here on synchronous: the views are read from the very state the lengths describe.
    if (!this.host.isOpen(groupId, space) || !sameKeys(logsOf(space), keys)) return false
    for (const [k, s] of states) if (s.length !== (space.next.get(k) ?? 0)) return false
    let sealed: Uint8Array
    let key: Uint8Array | null = null
    try {
      key = this.host.key(groupId)
      const counts = { view: this.host.count(space), lastRead: lastReadHash(this.host.personal, groupId) }
      sealed = encodeFirstScreen({ logs: states, mutes: muteHash(this.host.personal, groupId), views: screenOf(space, this.host.personal), counts }, key)
    } catch {
      return false // locked meanwhile: nothing to keep
    } finally {
      if (key) wipe(key)
    }
    const write = writeCheckpoint(this.host.file(groupId), sealed).then(() => true, () => false)
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
    return write
  }

  /**
   * The kept screen of a group not open yet (or whose docs rest), if it is still what the group
   * would show; null otherwise. Read from disk once (until `forget`); `showing` runs the first
   * time it is shown.
   */
  async early(groupId: string, showing: () => void): Promise<ScreenViews | null> {
    const k = await this.read(groupId)
    if (!k || !equalBytes(k.mutes, muteHash(this.host.personal, groupId))) return null
    if (!this.shown.has(groupId)) {
      this.shown.add(groupId)
      showing()
    }
    return k.views
  }

  /** Whether the group's kept screen is showing and the group opening behind it (its wake follows the open). */
  isShown(groupId: string): boolean {
    return this.shown.has(groupId)
  }

  /** The unread counts kept with the screen, if it is current and they were counted against the same last-read positions and mutes. Wakes nothing. */
  async counts(groupId: string): Promise<UnreadView | null> {
    const k = await this.read(groupId)
    const { personal } = this.host
    return k?.counts && equalBytes(k.mutes, muteHash(personal, groupId)) && equalBytes(k.counts.lastRead, lastReadHash(personal, groupId)) ? k.counts.view : null
  }

  /**
   * While the group's kept screen is being read: what resolves once the calls waiting on it have
   * answered (a read that would wake the docs waits for it, group-registry.ts `space`); else null.
   */
  answered(groupId: string): Promise<void> | null {
    return this.reading.get(groupId) ?? null
  }

  private read(groupId: string): Promise<KeptScreen | null> {
    let found = this.kept.get(groupId)
    if (!found) {
      found = this.current(groupId)
      this.kept.set(groupId, found)
      // The answers from it are all microtasks (first-screen handlers); a macrotask later they are sent.
      const done: Promise<void> = found.catch(() => null).then(() => new Promise<void>((r) => setImmediate(r)))
        .finally(() => { if (this.reading.get(groupId) === done) this.reading.delete(groupId) })
      this.reading.set(groupId, done)
    }
    return found
  }

  /** The group opened or changed: the screen is read from disk again if asked for (while its docs rest). */
  forget(groupId: string): void {
    this.kept.delete(groupId)
    this.shown.delete(groupId)
  }

  /** Opening the group failed: no kept screen hides that until the next unlock. */
  failed(groupId: string): void {
    this.kept.set(groupId, Promise.resolve(null))
  }

  /** Lock: no screen is kept after this; resolves once writes in flight are done. */
  close(): Promise<unknown> {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
    this.kept.clear()
    this.shown.clear()
    return Promise.allSettled(this.writes)
  }

  private async current(groupId: string): Promise<KeptScreen | null> {
    const key = this.host.key(groupId)
    const kept = await readFirstScreen(this.host.file(groupId), key).finally(() => wipe(key))
    if (!kept) return null
    const now = await Promise.all([...kept.logs.keys()].map((k) => this.host.logState(k).catch(() => null)))
    const was = [...kept.logs.values()]
    return now.every((s, i) => s !== null && s.length === was[i]?.length && s.fork === was[i]?.fork) ? kept : null
  }
}

/** Every log the space's views come from, when each was read to its end and nothing waits; else null. */
function logsOf(space: GroupSpace): string[] | null {
  const d = space.docs
  if (!space.groupId || d.isResting || d.damaged || d.held || space.queued.size || !space.settled || space.arriving || space.historyLeft() || space.unreadable.size) return null
  const keys = [...new Set([space.own.key, ...space.logs.keys(), ...space.governance.deviceLogs()])].sort()
  for (const k of keys) {
    const log = space.logs.get(k)
    if (!log || (space.next.get(k) ?? 0) !== log.length) return null
  }
  return keys
}

function sameKeys(a: string[] | null, b: string[]): boolean {
  return a !== null && a.length === b.length && a.every((k, i) => k === b[i])
}

/** This group's mutes only (the feed reads no other): muting someone elsewhere keeps this screen. */
function muteHash(personal: PersonalReader, groupId: string): Uint8Array {
  return hash(new TextEncoder().encode(JSON.stringify(MuteList.parse(personal.read(MUTE_DOC)).entries(groupId))))
}

/** What the kept counts were counted against: this group's last-read positions. */
export function lastReadHash(personal: PersonalReader, groupId: string): Uint8Array {
  return hash(new TextEncoder().encode(JSON.stringify(personal.read(lastReadDocName(groupId)))))
}

/** What the group's screen shows first: its header (presence read at the call), members, newest page. */
function screenOf(space: GroupSpace, personal: PersonalReader): ScreenViews {
  return {
    info: info(space),
    members: memberViews(space),
    feed: feed(readerSource(space, personal), { limit: FIRST_PAGE }),
  }
}
