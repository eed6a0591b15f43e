/**
 * Two ends of one real Noise stream (@hyperswarm/secret-stream) joined in memory, no network: what
 * the member-auth and admission-exchange unit tests run their protocols over.
 */
import { createRequire } from 'node:module'
import type { NoiseStream } from '../../../core/net/holepunch-net.ts'

export type SecretStream = NoiseStream & { rawStream: { pipe(s: unknown): { pipe(s: unknown): unknown } } }
const NoiseSecretStream = createRequire(import.meta.url)('@hyperswarm/secret-stream') as new (initiator: boolean) => SecretStream

export function noisePair(): [SecretStream, SecretStream] {
  const a = new NoiseSecretStream(true)
  const b = new NoiseSecretStream(false)
  a.rawStream.pipe(b.rawStream).pipe(a.rawStream)
  for (const s of [a, b]) s.on('error', () => undefined)
  return [a, b]
}
