/**
 * Shared by the net integration tests and their child processes (so: no vitest here): the
 * deterministic keys every process derives from a seed, and the line protocol children print.
 *
 * Children get one JSON argument and print one JSON object per line. They exit on SIGTERM and,
 * so a lost parent cannot leave them running, on their own after CHILD_LIFETIME_MS.
 */
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { Hypercore, type KeyPair } from '../../../core/store/holepunch.ts'

export const CHILD_LIFETIME_MS = 45_000

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
export const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'))

/** A seed made of one repeated byte: enough to tell the test's actors apart. */
export const seedOf = (n: number): Uint8Array => new Uint8Array(32).fill(n)

/** A device log's signing key pair and its Hypercore key, as a child derives them from a seed. */
export function logKeyPair(seed: Uint8Array): KeyPair {
  return fastProvider.signKeyPairFromSeed(seed)
}

export function logKeyOf(seed: Uint8Array): Uint8Array {
  return Hypercore.key({ version: 1, signers: [{ publicKey: logKeyPair(seed).publicKey }] })
}

/** For children: print one event line. */
export function emit(event: Line): void {
  process.stdout.write(JSON.stringify(event) + '\n')
}

/** For children: run `cleanup` on SIGTERM or when the lifetime bound is hit, then exit. */
export function exitOnSignal(cleanup: () => Promise<void>, lifetimeMs = CHILD_LIFETIME_MS): void {
  let stopping = false
  const stopNow = (): void => {
    if (stopping) return
    stopping = true
    const hard = setTimeout(() => process.exit(1), 3_000)
    hard.unref()
    cleanup().finally(() => process.exit(0))
  }
  process.on('SIGTERM', stopNow)
  setTimeout(stopNow, lifetimeMs).unref()
}

export type Line = Record<string, unknown> & { ev: string }
