/**
 * The writer's half of the sealed-space key rule (core/model/sealed-space.ts), shared by the
 * debrief and the private lines: before writing into a sealed space, make sure its current key is
 * held by exactly the wanted members, writing a new key (one durable block) if not.
 */
import { errors } from '../errors.ts'
import { currentKey, holdersMatch, openKey, rotateKey, type Holder, type KeyRecord } from '../model/sealed-space.ts'
import type { GroupSpace } from './group-space.ts'

export function holder(s: GroupSpace): Holder {
  const id = s.identity
  return { id: s.me, boxPublicKey: id.boxPublicKey, boxSecretKey: id.boxSecretKey }
}

/** Current facilitators, member id → box key (hex). */
export function facilitatorKeys(s: GroupSpace): Map<string, string> {
  return new Map([...s.governance.members.values()].filter((m) => m.role === 'facilitator').map((m) => [m.id, m.boxKey]))
}

/** The key to write under in `docId`, rotated first when its holders are not `wanted`; the caller wipes it. */
export async function keyFor(s: GroupSpace, docId: string, wanted: ReadonlyMap<string, string>, now: number): Promise<{ record: KeyRecord; key: Uint8Array }> {
  const record = currentKey(s.docs.doc(docId))
  if (record && holdersMatch(record, wanted)) {
    const key = openKey(record, holder(s))
    if (key) return { record, key }
  }
  let made: { record: KeyRecord; key: Uint8Array } | null = null
  await s.change(docId, (d) => (made = rotateKey(d, wanted, s.me, now)))
  if (!made) throw errors.INTERNAL('no key was made')
  return made
}
