/**
 * Real Corestores for unit tests: each on its own temp folder, closed after each test, and two
 * of them (or two sessions of one log) replicated over an in-memory stream, no network. Hearth
 * itself never replicates a whole Corestore (core/store/holepunch.ts); a test reader does, to
 * stand for a member or keeper that fetches the log.
 */
import { afterEach } from 'vitest'
import { Corestore, type CorestoreInstance, type HypercoreSession } from '../../core/store/holepunch.ts'
import { useTempDirs } from './temp-dir.ts'

type Duplex = NodeJS.ReadWriteStream & { destroy(): void }
type Replicable = { replicate(initiator: boolean): Duplex }

/**
 * Replicates `initiator` with `responder` (two Corestores, or two sessions of one log) until the
 * returned function cuts the link.
 */
export function link(initiator: CorestoreInstance | HypercoreSession, responder: CorestoreInstance | HypercoreSession): () => void {
  const a = (initiator as unknown as Replicable).replicate(true)
  const b = (responder as unknown as Replicable).replicate(false)
  a.pipe(b).pipe(a)
  return () => {
    a.destroy()
    b.destroy()
  }
}

/** Call once at the top of a test file: `store()` makes a Corestore that is closed after each test. */
export function useCorestores(): () => CorestoreInstance {
  const tempDir = useTempDirs()
  const stores: CorestoreInstance[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
  })
  return () => {
    const s = new Corestore(tempDir())
    stores.push(s)
    return s
  }
}
