/** Drives a Hearth node in its own process (test/integration/sync/peer.child.ts) call by call. */
import { fileURLToPath } from 'node:url'
import type { MethodInput, MethodName, MethodOutput, Result } from '../../core/api.ts'
import { endChild, spawnTs, type Child } from './child.ts'

const CHILD = fileURLToPath(new URL('../integration/sync/peer.child.ts', import.meta.url))

export interface Peer {
  child: Child
  call<M extends MethodName>(method: M, input: MethodInput<M>, timeoutMs?: number): Promise<Result<MethodOutput<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>, timeoutMs?: number): Promise<MethodOutput<M>>
  /** Polls `probe` until it returns true or the time is up; a probe that throws is tried again. */
  until(probe: () => Promise<boolean>, timeoutMs?: number): Promise<void>
  /** Ends the peer's stdin and waits for its exit: it has closed (child.ts endChild, its hang guard). */
  stop(): Promise<void>
}

/**
 * For a peer's createProfile and unlock (argon2id at full cost, 64 MiB × 3, in the peer's share of
 * a loaded machine): a hang guard, not the claim of any test.
 */
export const PROFILE_CALL_MS = 90_000

/** `readyMs`: a bound on the process's start; by default only waitForLine's wall-time hang guard (child.ts). */
export async function startPeer(profileDir: string, bootstrap: string, env: NodeJS.ProcessEnv = {}, opts: { readyMs?: number } = {}): Promise<Peer> {
  const child = spawnTs(CHILD, [profileDir, bootstrap], env, { stdin: true })
  child.proc.stdin?.on('error', () => undefined)
  await child.waitForLine((l) => l === 'ready', opts.readyMs)
  let next = 1
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, timeoutMs = 30_000): Promise<Result<MethodOutput<M>>> => {
    const id = next++
    child.proc.stdin?.write(JSON.stringify({ id, method, input }) + '\n')
    const line = await child.waitForLine((l) => l.startsWith(`{"id":${id},`), timeoutMs)
    return (JSON.parse(line) as { result: Result<MethodOutput<M>> }).result
  }
  const peer: Peer = {
    child,
    call,
    async ok(method, input, timeoutMs) {
      const r = await call(method, input, timeoutMs)
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value
    },
    async until(probe, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      let last: unknown = null
      while (Date.now() < deadline) {
        try {
          if (await probe()) return
        } catch (e) {
          last = e
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`condition not met in time${last ? `; last error: ${String(last)}` : ''}`)
    },
    // On stdin's end the peer closes its service and exits (integration/sync/peer.child.ts).
    stop: () => endChild(child, () => child.proc.stdin?.end()),
  }
  return peer
}
