/**
 * Every governance event a group space has seen, and the state they add up to. The state is
 * always recomputed from all of them in the deterministic order (gov-order.ts), so an event that
 * arrives late — from a log read later, or after a partition — lands where it belongs and every
 * peer ends with the same state (DESIGN.md §3.3). Events are deduplicated by content id.
 *
 * Carriers: anyone can copy a signed event into their own log, so one event may be carried by
 * several logs, read in any order. Every carrier is kept, and the replay judges the event at one
 * carrier chosen from the events alone (`carrierOf`): the rightful one (a device of its author,
 * genesis at block 0 of its creator's log) before any copy, then by log key and index. So every
 * peer holding the same blocks judges it at the same place, and a member who copies an event
 * (their own removal, say) into their log cannot make the peers that read that log first refuse it.
 *
 * Genesis: the group is defined by the genesis event whose id matches the group id this device
 * expects (known from the vault, or from the first genesis when creating the group). Any other
 * genesis is ignored. Events before or without a valid genesis wait.
 *
 * Cut-offs for the order (gov-order.ts rule 2) are found before replay, from the events alone:
 * a member's device logs are those any genesis or admission names for them, and a removal,
 * leave or role change cuts each at its `seen`. An invalid event adds only an extra ordering
 * edge, the same on every peer, so this stays deterministic.
 *
 * A rewritten log (equivocation.ts): the freezes come first, from the evidence alone. Events
 * carried by a frozen log at or past its freeze are left out of the order entirely — one peer may
 * hold the first version's and another the second's, and both must replay the same sequence —
 * and every `seen` is clamped to the freeze, so no event waits on a block that speaks for nobody.
 * A lifted freeze (`log.thaw`, freeze-book.ts) leaves a gap instead: events carried in it are
 * left out the same way. Which lifts count is decided by a replay under every freeze; if any
 * does, the events are replayed once more under the freezes and gaps those lifts leave.
 */
import { HearthError } from '../errors.ts'
import { openEvent, groupIdOf, type SignedEvent } from './gov-event.ts'
import { governanceOrder } from './gov-order.ts'
import { Governance } from './governance.ts'
import { freezeSet, type ForkEvidence } from './equivocation.ts'
import type { LiftRecord } from './freeze-book.ts'

type Freezes = ReturnType<typeof freezeSet>

export interface GovRecord {
  logKey: string
  index: number
  payload: Uint8Array
}

interface Entry extends GovRecord {
  id: string
  event: SignedEvent
  seen: Record<string, number>
  cuts?: Record<string, number>
}

export class GovernanceLog {
  /** Event id → every distinct place it was read (the first one read first). */
  private readonly entries = new Map<string, Entry[]>()
  /** Events that were in order but not valid at their point (author lacked the right, …). */
  invalid: { id: string; reason: string }[] = []

  constructor(private expectedGroupId: string | null) {}

  /** Verifies and records an event. False when it was already known. Throws coded errors for bad events. */
  add(logKey: string, index: number, payload: Uint8Array): boolean {
    const { event, id } = openEvent(payload)
    const known = this.entries.get(id) ?? []
    if (known.some((e) => e.logKey === logKey && e.index === index)) return false
    // Another carrier of a known event may be its rightful one: the replay must choose again.
    known.push({ logKey, index, payload, id, event, seen: event.seen })
    this.entries.set(id, known)
    return true
  }

  /** Whether an event with this id was recorded (valid or not: governance has read it and decided). */
  has(id: string): boolean {
    return this.entries.has(id)
  }

  /** The payload of a member.admit event naming `memberId`, as carried (provisional-admission.ts). */
  admissionOf(memberId: string): Uint8Array | null {
    for (const [e] of this.entries.values()) if (e?.event.kind === 'member.admit' && e.event.body.member.id === memberId) return e.payload
    return null
  }

  /** Every carrier of every event, so a checkpoint or a rebuild chooses the same ones again. */
  records(): GovRecord[] {
    return [...this.entries.values()].flat().map(({ logKey, index, payload }) => ({ logKey, index, payload }))
  }

  /** One entry per event (its first carrier): for what depends on the event alone. */
  private events(): Entry[] {
    return [...this.entries.values()].map((list) => list[0] as Entry)
  }

  /** Every event that carries lockboxes (valid or not: a key we can open is kept for reading). */
  epochEvents(): Extract<SignedEvent, { kind: 'epoch.rotate' | 'epoch.share' }>[] {
    const out: Extract<SignedEvent, { kind: 'epoch.rotate' | 'epoch.share' }>[] = []
    for (const { event } of this.events()) if (event.kind === 'epoch.rotate' || event.kind === 'epoch.share') out.push(event)
    return out
  }

  /** The evidence of every log.fork event held (valid or not, only its evidence counts). */
  private evidence(): ForkEvidence[] {
    const bodies = []
    for (const { event } of this.events()) if (event.kind === 'log.fork') bodies.push(event.body)
    return bodies
  }

  /** Log key → freeze index, lifts not counted. */
  freezes(): Map<string, number> {
    return freezeSet(this.evidence(), []).frozen
  }

  private withCuts({ frozen, gaps }: Freezes): Entry[] {
    const silent = (log: string, index: number): boolean => index >= (frozen.get(log) ?? Infinity) || (gaps.get(log) ?? []).some(([a, b]) => index >= a && index < b)
    const devices = new Map<string, Set<string>>()
    const add = (member: string, device: string): void => {
      devices.set(member, (devices.get(member) ?? new Set()).add(device))
    }
    const events = this.events()
    for (const { event } of events) {
      if (event.kind === 'genesis') add(event.author, event.body.creator.device)
      if (event.kind === 'member.admit') add(event.body.member.id, event.body.member.device)
    }
    const carrier = carrierOf(devices, events)
    const clamp = (seen: Record<string, number>): Record<string, number> => {
      if (!frozen.size && !gaps.size) return seen
      const out: Record<string, number> = {}
      for (const [log, n] of Object.entries(seen)) {
        const gap = (gaps.get(log) ?? []).find(([a, b]) => n > a && n < b)
        out[log] = Math.min(n, frozen.get(log) ?? n, gap?.[0] ?? n)
      }
      return out
    }
    const all = [...this.entries.values()]
      .map(carrier)
      .filter((e) => e.event.kind === 'genesis' || !silent(e.logKey, e.index))
      .map((e) => ({ ...e, seen: clamp(e.event.seen), cuts: undefined as Record<string, number> | undefined }))
    for (const e of all) {
      const ev = e.event
      const target = ev.kind === 'member.remove' || ev.kind === 'role.change' ? ev.body.member : ev.kind === 'member.leave' ? ev.author : null
      if (target === null) continue
      e.cuts = Object.fromEntries([...(devices.get(target) ?? [])].map((d) => [d, e.seen[d] ?? 0]))
    }
    return all
  }

  /** The state from every event so far, or null while no acceptable genesis is known. */
  replay(): Governance | null {
    const evidence = this.evidence()
    const first = this.replayUnder(freezeSet(evidence, []), null)
    const lifts = first?.freezes.lifts ?? []
    if (!lifts.length) return first
    return this.replayUnder(freezeSet(evidence, lifts), lifts)
  }

  /** One replay under these freezes; `decided`: the lifts a first replay accepted (freeze-book.ts). */
  private replayUnder(set: Freezes, decided: readonly LiftRecord[] | null): Governance | null {
    const ordered = governanceOrder(this.withCuts(set))
    const genesis = ordered.find((e) => e.event.kind === 'genesis' && (this.expectedGroupId === null || groupIdOf(e.event) === this.expectedGroupId) && opensItsLog(e))
    if (!genesis) return null
    const gov = Governance.fromGenesis(genesis.event, genesis)
    for (const [log, index] of set.frozen) gov.frozen.set(log, index)
    for (const [log, ranges] of set.gaps) gov.freezes.gaps.set(log, ranges)
    if (decided) gov.freezes.decide(decided)
    this.expectedGroupId = gov.groupId
    this.invalid = []
    for (const e of ordered) {
      if (e === genesis) continue
      try {
        gov.apply(e.event, e)
      } catch (err) {
        if (!(err instanceof HearthError)) throw err
        this.invalid.push({ id: e.id, reason: err.code })
      }
    }
    return gov
  }
}

/**
 * Chooses, from the events alone, where each event is judged: a rightful carrier before a copy,
 * then the lowest log key and index. `devices`: each member's logs as genesis and admissions name
 * them (the cut-offs' map); a device a member added (`device.add`, signed by that member) counts too.
 */
function carrierOf(devices: ReadonlyMap<string, ReadonlySet<string>>, events: readonly Entry[]): (list: Entry[]) => Entry {
  const added = new Map<string, Set<string>>()
  for (const { event } of events) if (event.kind === 'device.add') added.set(event.author, (added.get(event.author) ?? new Set()).add(event.body.device))
  const rightful = (e: Entry): boolean => {
    if (e.event.kind === 'genesis') return opensItsLog(e)
    if (e.event.kind === 'device.add') return e.index === 0 && e.logKey === e.event.body.device
    return (devices.get(e.event.author)?.has(e.logKey) ?? false) || (added.get(e.event.author)?.has(e.logKey) ?? false)
  }
  const before = (a: Entry, b: Entry): boolean => {
    const ra = rightful(a)
    if (ra !== rightful(b)) return ra
    return a.logKey !== b.logKey ? a.logKey < b.logKey : a.index < b.index
  }
  return (list) => list.reduce((best, e) => (before(e, best) ? e : best))
}

/** Whether an event is a genesis in its rightful place: block 0 of its creator's own log. */
function opensItsLog(e: Pick<Entry, 'event' | 'index' | 'logKey'>): boolean {
  return e.event.kind === 'genesis' && e.index === 0 && e.logKey === e.event.body.creator.device
}
