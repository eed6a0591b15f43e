/** Drives a Hearth node in its own process (test/integration/sync/peer.child.ts) call by call. */
import { fileURLToPath } from 'node:url'
import type { MethodInput, MethodName, MethodOutput, Result } from '../../core/api.ts'
import { endChild, spawnTs, type Child, type LineBound } from './child.ts'
import { untilFair } from './fair-time.ts'

const CHILD = fileURLToPath(new URL('../integration/sync/peer.child.ts', import.meta.url))

export interface Peer {
  child: Child
  /** One API call; bounded by CALL_CPU (the peer's own CPU time) unless the caller gives a bound (a number is wall ms). */
  call<M extends MethodName>(method: M, input: MethodInput<M>, bound?: LineBound): Promise<Result<MethodOutput<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>, bound?: LineBound): Promise<MethodOutput<M>>
  /**
   * Polls `probe` until it returns true; a probe that throws is tried again. `budgetMs` (default
   * UNTIL_FAIR_MS) is fair-share time (fair-time.ts): the wait is on the peers' progress, which
   * wall time on a loaded machine does not measure; a wall-time hang guard ends it too.
   */
  until(probe: () => Promise<boolean>, budgetMs?: number): Promise<void>
  /** Ends the peer's stdin and waits for its exit: it has closed (child.ts endChild, its hang guard). */
  stop(): Promise<void>
}

/**
 * For a peer's createProfile and unlock (argon2id at full cost, 64 MiB × 3, in the peer's share of
 * a loaded machine): a hang guard, not the claim of any test.
 */
export const PROFILE_CALL_MS = 90_000

/**
 * A call's default bound: the CPU time the peer spends before it answers. A call is the peer's own
 * work (read a doc, build a page, write a block) whose wall time on a loaded machine measures the
 * load: a 30-s wall default could cut a correct answer at load 20. 30 s of the peer's own CPU is
 * far past any call's work (tens of ms; a big group's catch-ups running beside it count too), so
 * reaching it is a runaway peer. A peer that answers nothing and spends nothing (a wait on the
 * network inside a call) is ended by the wall-time hang guard (child.ts LINE_HANG_GUARD_MS).
 * Calls that wait on other peers give their own bound.
 */
export const CALL_CPU = { cpuMs: 30_000 }

/** `until`'s default budget, in fair-share time (fair-time.ts): what 20 s of wall time was on a quiet machine. */
export const UNTIL_FAIR_MS = 20_000

/** `readyMs`: a bound on the process's start; by default only waitForLine's wall-time hang guard (child.ts). */
export async function startPeer(profileDir: string, bootstrap: string, env: NodeJS.ProcessEnv = {}, opts: { readyMs?: number } = {}): Promise<Peer> {
  const child = spawnTs(CHILD, [profileDir, bootstrap], env, { stdin: true })
  child.proc.stdin?.on('error', () => undefined)
  await child.waitForLine((l) => l === 'ready', opts.readyMs)
  let next = 1
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, bound: LineBound = CALL_CPU): Promise<Result<MethodOutput<M>>> => {
    const id = next++
    child.proc.stdin?.write(JSON.stringify({ id, method, input }) + '\n')
    const line = await child.waitForLine((l) => l.startsWith(`{"id":${id},`), bound)
    return (JSON.parse(line) as { result: Result<MethodOutput<M>> }).result
  }
  const peer: Peer = {
    child,
    call,
    async ok(method, input, bound) {
      const r = await call(method, input, bound)
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}${r.error.code === 'INTERNAL' ? `; stderr: ${child.stderr()}` : ''}`)
      return r.value
    },
    until: (probe, budgetMs = UNTIL_FAIR_MS) => untilFair(probe, budgetMs, 'condition'),
    // On stdin's end the peer closes its service and exits (integration/sync/peer.child.ts).
    stop: () => endChild(child, () => child.proc.stdin?.end()),
  }
  return peer
}
