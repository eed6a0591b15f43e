/**
 * Mallory's profile run as two machines (twin-member.child.ts, each its own process), shared by
 * the twin-log and twin-equal tests: start one on a profile folder, take one offline, and wait
 * until a peer's feed shows some words.
 */
import { fileURLToPath } from 'node:url'
import { spawnTs, type Child } from '../../helpers/child.ts'
import type { Peer } from '../../helpers/peer.ts'
import type { ProcessCast } from '../../helpers/process-cast.ts'
import { texts } from './rewrite-scene.ts'

const TWIN = fileURLToPath(new URL('./twin-member.child.ts', import.meta.url))

export async function machine(cast: ProcessCast, dir: string, boot: string, groupId: string): Promise<Child> {
  const c = spawnTs(TWIN, [dir, boot, groupId], {}, { stdin: true })
  cast.cleanup(async () => {
    c.proc.stdin?.end()
    await c.exited
  })
  await c.waitForLine((l) => l.startsWith('ready ') || l.startsWith('error '), 90_000)
  return c
}

export async function offline(c: Child): Promise<void> {
  c.proc.stdin?.end()
  await c.exited
}

export const has = (p: Peer, groupId: string, text: string): Promise<void> => p.until(async () => (await texts(p, groupId)).includes(text), 60_000)
