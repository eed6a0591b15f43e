/**
 * The epoch keys one device holds for a group, read from governance (DESIGN.md §3.1): opening the
 * lockboxes sealed to us and choosing the key to write under. Pure functions over the space's key
 * map, so GroupSpace keeps one line per step.
 *
 * Rules: a lockbox is opened whatever the validity of the event carrying it (a key from a
 * rotation later found invalid still opens what was written under it), but only the last valid
 * rotation in replay order whose key we hold is written under.
 */
import { HearthError } from '../errors.ts'
import type { Identity } from '../crypto/identity.ts'
import type { SignedEvent } from './gov-event.ts'
import { openLockbox } from './epoch-lockbox.ts'

export type EpochEvent = Extract<SignedEvent, { kind: 'epoch.rotate' | 'epoch.share' }>

/** Opens every lockbox sealed to `me` whose key `held` lacks, adding it. Returns what was added. */
export function openNewLockboxes(held: Map<number, Uint8Array>, me: string, identity: Identity, events: Iterable<EpochEvent>): [number, Uint8Array][] {
  const added: [number, Uint8Array][] = []
  for (const e of events) {
    const box = e.body.lockboxes[me]
    if (box === undefined || held.has(e.body.epoch)) continue
    try {
      const key = openLockbox(box, e.body.check, identity.boxPublicKey, identity.boxSecretKey)
      held.set(e.body.epoch, key)
      added.push([e.body.epoch, key.slice()])
    } catch (err) {
      if (!(err instanceof HearthError)) throw err
      // a lockbox that does not open, or whose key does not match its check, is ignored
    }
  }
  return added
}

/** The last epoch of the valid chain whose key is held, or undefined when none is. */
export function writableEpoch(held: ReadonlyMap<number, Uint8Array>, chain: readonly number[]): number | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (held.has(chain[i] as number)) return chain[i]
  return undefined
}

/** Who got a lockbox of which epoch, from every rotation and share read (valid or not). */
export function lockboxRecipients(events: Iterable<EpochEvent>): Map<number, { check: string; recipients: Set<string> }> {
  const out = new Map<number, { check: string; recipients: Set<string> }>()
  for (const e of events) {
    const entry = out.get(e.body.epoch) ?? { check: e.body.check, recipients: new Set<string>() }
    if (entry.check !== e.body.check) continue
    for (const id of Object.keys(e.body.lockboxes)) entry.recipients.add(id)
    out.set(e.body.epoch, entry)
  }
  return out
}
