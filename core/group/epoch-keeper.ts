/**
 * Writing epoch keys (DESIGN.md §3.3): a rotation after a removal or leave, and the repairs any
 * member makes when governance shows a need (core/group/epoch-ledger.ts):
 *
 *   - needs a rotation (someone no longer a member holds the current key): write `epoch.rotate`
 *     with a fresh key and one lockbox per current member;
 *   - lacking (a current member holds no key of the current epoch, e.g. admitted concurrently
 *     with a rotation): a member holding that key writes `epoch.share` for them;
 *   - orphan keys: a rotation found invalid after a partition healed (its author was removed
 *     concurrently) still sealed words its recipients wrote meanwhile. A member holding such a
 *     key shares it with current members who got no lockbox of it, for reading only; governance
 *     does not count that share (the epoch is not in its ledger), and no one writes under it.
 *
 * A rotation is sealed under the epoch that was current before it: its recipients hold that key,
 * and the new key cannot seal the event that hands it out. A share is sealed under the newest
 * epoch every recipient is known to hold. Either event reveals to an old key holder only member
 * ids and sealed boxes it cannot open.
 *
 * Work on one space runs one step at a time, so a removal's own rotation and a repair that sees
 * the same need do not both rotate.
 */
import type { UnsignedEvent } from './gov-event.ts'
import { randomBytes } from '../crypto/random.ts'
import { wipe } from '../crypto/wipe.ts'
import { epochCheck, newEpochId, sealLockboxes } from './epoch-lockbox.ts'
import type { GroupSpace } from './group-space.ts'

const queues = new WeakMap<GroupSpace, Promise<unknown>>()
/** The governance state a repair last acted on: the same state never gets a second repair. */
const repairedAt = new WeakMap<GroupSpace, string>()

/** Runs `fn` after every earlier epoch step on this space. */
function serial<T>(space: GroupSpace, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(space) ?? Promise.resolve()).then(fn)
  queues.set(space, run.catch(() => undefined))
  return run
}

/** Writes a rotation now, whatever the need. Returns the new epoch id. */
export function rotateEpoch(space: GroupSpace, now: () => number): Promise<number> {
  return serial(space, () => writeRotation(space, now))
}

async function writeRotation(space: GroupSpace, now: () => number): Promise<number> {
  const gov = space.governance
  const sealUnder = space.currentEpoch
  const epoch = newEpochId((id) => gov.epochs.holders.has(id) || space.holdsEpoch(id))
  const key = randomBytes(32)
  try {
    const lockboxes = sealLockboxes(key, gov.members.values())
    space.addEpochKey(epoch, key)
    const event: UnsignedEvent = {
      v: 1, kind: 'epoch.rotate', group: gov.groupId, author: space.me, at: now(), seen: space.seen(),
      body: { epoch, check: epochCheck(key), lockboxes },
    }
    await space.writeGovernance(event, sealUnder)
    return epoch
  } finally {
    wipe(key)
  }
}

/** Hands an epoch key to members who lack it. Returns how many got a lockbox. */
async function writeShare(space: GroupSpace, now: () => number, epoch: number, check: string | undefined, lacking: string[]): Promise<number> {
  const gov = space.governance
  if (!lacking.length || check === undefined || !space.holdsEpoch(epoch)) return 0
  const key = space.epochKey(epoch)
  let lockboxes: Record<string, string>
  try {
    if (epochCheck(key) !== check) return 0 // not the key that epoch announced: never hand it on
    lockboxes = sealLockboxes(key, lacking.map((id) => gov.members.get(id) as { id: string; boxKey: string }))
  } finally {
    wipe(key)
  }
  // The newest epoch every recipient is known to hold (all hold the genesis key through welcomes).
  const held = [...gov.epochs.chain].reverse().find((e) => space.holdsEpoch(e) && lacking.every((id) => gov.epochs.holders.get(e)?.has(id)))
  await space.writeGovernance({
    v: 1, kind: 'epoch.share', group: gov.groupId, author: space.me, at: now(), seen: space.seen(),
    body: { epoch, check, lockboxes },
  }, held ?? 0)
  return lacking.length
}

/**
 * Does what governance asks of any member: rotate when an outsider holds the current key, then
 * share it with members who lack it. A removed or departed device does nothing.
 */
export function repairEpochs(space: GroupSpace, now: () => number): Promise<void> {
  return serial(space, async () => {
    if (!space.groupId || space.membership !== 'member') return
    const boxes = space.lockboxes()
    const state = JSON.stringify([space.governance.fingerprint(), [...boxes].map(([e, b]) => [e, b.recipients.size]), space.heldEpochs()])
    if (repairedAt.get(space) === state) return
    repairedAt.set(space, state)
    if (space.governance.needsRotation()) await writeRotation(space, now)
    const gov = space.governance
    await writeShare(space, now, gov.epochs.current, gov.epochs.checks.get(gov.epochs.current), gov.lacking())
    for (const epoch of space.heldEpochs()) {
      const box = boxes.get(epoch)
      if (!box || gov.epochs.holders.has(epoch)) continue
      await writeShare(space, now, epoch, box.check, [...gov.members.keys()].filter((id) => !box.recipients.has(id)))
    }
  })
}
