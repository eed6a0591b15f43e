/** Starts `hearth keeper serve` (the real CLI) in its own process and reads its first line; counts what a stopped keeper holds. */
import { fileURLToPath } from 'node:url'
import { endChild, spawnTs, type Child } from './child.ts'
import { openKeeperProfile } from '../../core/keeper/keeper-profile.ts'

const HEARTH = fileURLToPath(new URL('../../scripts/hearth.ts', import.meta.url))
export const KEEPER_PASS = 'keeper passphrase, long enough'

export interface KeeperProcess {
  child: Child
  code: string
  groups: string[]
  /** The signaling server run beside it (`--signal PORT`), if asked for. */
  signal?: string
  stop(): Promise<void>
}

export async function startKeeper(profileDir: string, boot: string, extra: string[] = []): Promise<KeeperProcess> {
  const child = spawnTs(HEARTH, ['keeper', 'serve', '--profile', profileDir, '--bootstrap', boot, '--json', '--for', '600', ...extra], { HEARTH_PASSPHRASE: KEEPER_PASS })
  const first = await child.waitForLine((l) => l.startsWith('{'), 120_000)
  const { keeper, groups, signal } = JSON.parse(first) as { keeper: string; groups: string[]; signal?: string }
  return {
    child,
    code: keeper,
    groups,
    ...(signal ? { signal } : {}),
    // SIGTERM closes the keeper's store cleanly; a keeper that does not exit fails the stop.
    stop: () => endChild(child, () => child.proc.kill('SIGTERM')),
  }
}

/**
 * Every block the keeper's store holds, all groups' logs together, gaps counted (so a block
 * fetched past a gap counts too), read from its profile once it has stopped.
 */
export async function keeperBlocks(dir: string): Promise<number> {
  const profile = await openKeeperProfile(dir, KEEPER_PASS)
  let n = 0
  try {
    for (const logs of profile.groups.values()) for (const key of logs) {
      const core = profile.store.get({ key: Buffer.from(key, 'hex') })
      await core.ready()
      for (let i = 0; i < core.length; i++) if (await core.get(i, { wait: false })) n++
      await core.close()
    }
  } finally {
    await profile.close()
  }
  return n
}
