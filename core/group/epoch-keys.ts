/**
 * The epoch keys one device holds for a group, read from governance (DESIGN.md §3.1): opening the
 * lockboxes sealed to us and choosing the key to write under. Pure functions over the space's key
 * map, so GroupSpace keeps one line per step.
 *
 * Rules: a lockbox is opened whatever the validity of the event carrying it (a key from a
 * rotation later found invalid still opens what was written under it), but only the last valid
 * rotation in replay order whose key we hold is written under — and only if the key we hold for
 * that id matches the check its valid rotation announced. Epoch ids are not secret: someone
 * (a removed member, say) could write an invalid rotation reusing a valid rotation's id with a
 * key of their own; a device that read that one first must neither write under it nor keep it
 * in place of the group's key.
 */
import { HearthError } from '../errors.ts'
import type { Identity } from '../crypto/identity.ts'
import type { SignedEvent } from './gov-event.ts'
import { epochCheck, openLockbox } from './epoch-lockbox.ts'
import { copyBytes } from '../crypto/wipe.ts'

export type EpochEvent = Extract<SignedEvent, { kind: 'epoch.rotate' | 'epoch.share' }>

/**
 * Opens every lockbox sealed to `me` whose key `held` lacks — or holds with another check than
 * the valid one (`validCheck`) — adding or replacing it. Returns what was added.
 */
export function openNewLockboxes(
  held: Map<number, Uint8Array>, me: string, identity: Identity, events: Iterable<EpochEvent>,
  validCheck: (epoch: number) => string | undefined,
): [number, Uint8Array][] {
  const added: [number, Uint8Array][] = []
  for (const e of events) {
    const box = e.body.lockboxes[me]
    if (box === undefined) continue
    const have = held.get(e.body.epoch)
    const valid = validCheck(e.body.epoch)
    const replace = have !== undefined && valid !== undefined && e.body.check === valid && epochCheck(have) !== valid
    if (have !== undefined && !replace) continue
    try {
      const key = openLockbox(box, e.body.check, identity.boxPublicKey, identity.boxSecretKey)
      held.set(e.body.epoch, key)
      added.push([e.body.epoch, copyBytes(key)])
    } catch (err) {
      if (!(err instanceof HearthError)) throw err
      // a lockbox that does not open, or whose key does not match its check, is ignored
    }
  }
  return added
}

/** The last epoch of the valid chain whose right key is held, or undefined when none is. */
export function writableEpoch(held: ReadonlyMap<number, Uint8Array>, chain: readonly number[], checks: ReadonlyMap<number, string>): number | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i] as number
    const key = held.get(e)
    if (key && (e === 0 || epochCheck(key) === checks.get(e))) return e
  }
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
