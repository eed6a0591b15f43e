/** The keeper's process for tests and benchmarks lives in test/helpers (benchmarks may reach it there); kept here for the keeper tests' imports. */
import { openKeeperProfile } from '../../../core/keeper/keeper-profile.ts'
import { decodeBlock } from '../../../core/store/block-codec.ts'
import { KEEPER_PASS } from '../../helpers/keeper-process.ts'

export * from '../../helpers/keeper-process.ts'

/**
 * Everything the keeper's process holds, tried as the key of every block it keeps: its key pair
 * (the seed is the secret key's first half), every group's access key, every log key. None opens
 * one. (An attack on our own claim; a keeper that was handed an epoch key or the group secret
 * would fail it only if the key were among these, so the canary scan stays the broader check.)
 */
export async function keeperOpensNothing(dir: string): Promise<number> {
  const profile = await openKeeperProfile(dir, KEEPER_PASS)
  let blocks = 0
  try {
    const held: Uint8Array[] = [profile.keyPair.secretKey.subarray(0, 32), profile.keyPair.secretKey.subarray(32), profile.keyPair.publicKey, profile.register]
    for (const [access, logs] of profile.groups) held.push(Buffer.from(access, 'hex'), ...[...logs].map((l) => Buffer.from(l, 'hex')))
    for (const [access, succeed] of profile.retired) held.push(Buffer.from(access, 'hex'), succeed.subarray(33, 65))
    for (const logs of profile.groups.values()) for (const key of logs) {
      const core = profile.store.get({ key: Buffer.from(key, 'hex') })
      await core.ready()
      for (let i = 0; i < core.length; i++) {
        const block = await core.get(i, { wait: false })
        if (!block) continue
        blocks++
        for (const k of held) if (opens(block, k)) throw new Error('the keeper opened a block with what it holds')
      }
      await core.close()
    }
  } finally {
    await profile.close()
  }
  return blocks
}

function opens(block: Uint8Array, key: Uint8Array): boolean {
  try {
    decodeBlock(block, () => key)
    return true
  } catch {
    return false
  }
}
