/** Cryptographic randomness. One source for the whole app: tweetnacl's, which uses the OS CSPRNG. */
import nacl from 'tweetnacl'

export function randomBytes(n: number): Uint8Array {
  return nacl.randomBytes(n)
}
