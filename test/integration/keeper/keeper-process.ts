/** Starts `hearth keeper serve` (the real CLI) in its own process and reads its first line. */
import { fileURLToPath } from 'node:url'
import { spawnTs, type Child } from '../../helpers/child.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
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
    async stop() {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) return
      child.proc.kill('SIGTERM')
      const t = setTimeout(() => child.proc.kill('SIGKILL'), 15_000)
      const { signal } = await child.exited
      clearTimeout(t)
      if (signal === 'SIGKILL') throw new Error('the keeper did not stop on SIGTERM')
    },
  }
}
