/**
 * What a member's keeper link needs from the group to follow the epoch (keeper-access-walk.ts):
 * the epoch keys this device holds, in the group's chain order up to the one new blocks are
 * sealed under (at most MAX_CHAIN, newest kept), and the current members' box keys (each gets a
 * box of a successor's seed). A newcomer that has not read governance knows only its current
 * epoch. The group is registered under the current epoch's key of whoever reaches the keeper
 * first. The keys handed over are copies (GroupSpace.epochKey, crypto/wipe.ts `copyBytes`) that
 * are wiped once the link has derived its access keys; a `.slice()` of a newcomer's Buffer key
 * here once zeroed the key itself (docs/decisions.md, "The keeper's two access keys").
 */
import { wipe } from '../crypto/wipe.ts'
import type { GroupSpace } from '../group/group-space.ts'
import { MAX_CHAIN } from './keeper-access-walk.ts'
import { MAX_SUCCESSOR_BOXES } from './keeper-succession.ts'

type EpochSpace = Pick<GroupSpace, 'groupId' | 'governance' | 'currentEpoch' | 'heldEpochs' | 'epochKey'>

export function keeperEpochs(space: EpochSpace): { keys: Uint8Array[]; boxKeys: Uint8Array[] } {
  const gov = space.groupId ? space.governance : null
  const current = space.currentEpoch
  const held = new Set(space.heldEpochs())
  const chain = gov?.epochs.chain ?? []
  const upTo = chain.indexOf(current)
  const order = upTo >= 0 ? chain.slice(0, upTo + 1).filter((e) => held.has(e)) : [current]
  const keys = order.slice(-MAX_CHAIN).map((e) => space.epochKey(e))
  // More members than boxes would cut some off at a rotation; a support group is far smaller.
  const boxKeys = gov ? [...gov.members.values()].slice(0, MAX_SUCCESSOR_BOXES).map((m) => Uint8Array.from(Buffer.from(m.boxKey, 'hex'))) : []
  return { keys, boxKeys }
}

/** Our epoch keys for the keeper link, wiped once it has derived its access keys from them. */
export async function withKeeperEpochs<T>(space: EpochSpace, use: (epochs: { keys: Uint8Array[]; boxKeys: Uint8Array[] }) => Promise<T>): Promise<T> {
  const epochs = keeperEpochs(space)
  try {
    return await use(epochs)
  } finally {
    for (const k of epochs.keys) wipe(k)
  }
}
