/**
 * Ed25519 detached signatures: identity attestations, invite proofs, governance events.
 *
 * Layout: signature = R(32) || S(32), RFC 8032. Public key 32 bytes; secret key 64 bytes in the
 * NaCl layout seed(32) || public key(32).
 *
 * One verification rule everywhere (ed25519-rules.ts, then the curve equation): S must be below
 * the group order, R and the public key must be canonical and not of small order, and lengths
 * must be exact. Two forms of the same rule:
 *   verifySignature      → boolean, never throws on peer data (for filtering);
 *   assertValidSignature → throws CRYPTO_BAD_KEY for an unusable public key and
 *                          CRYPTO_BAD_SIGNATURE for everything else.
 * Verification defaults to the fast provider: tweetnacl manages ~200 verifications a second
 * against sodium-native's ~19,000 (docs/benchmarks.md), far too slow for replaying a group's
 * history. Signing defaults to tweetnacl.
 *
 * Deduplicate signed records by content hash, never by signature bytes (DESIGN.md §3).
 *
 * admitPublicKey is the stricter check for the moment a key first enters a group: on top of the
 * rule it requires a point on the curve and in the prime-order subgroup, which no honest key
 * generator fails and which keeps "mixed-order" keys (honest key + small torsion) out entirely.
 */
import { errors } from '../errors.ts'
import { publicKeyFault, signatureFault } from './ed25519-rules.ts'
import { equalBytes } from './hash.ts'
import { fastProvider } from './provider-sodium.ts'
import { referenceProvider } from './provider-tweetnacl.ts'
import { SIGN_SECRET_KEY_BYTES, SIGN_SEED_BYTES, requireBytes, requireData, type CryptoProvider } from './provider.ts'
import { sodium } from './sodium.ts'
import { wipe } from './wipe.ts'

export { SIGNATURE_BYTES, SIGN_PUBLIC_KEY_BYTES, SIGN_SECRET_KEY_BYTES } from './provider.ts'

/**
 * Signs with a 64-byte secret key. Both halves must belong together: Ed25519 hashes the public
 * half into every signature, and two signatures made with the same seed but different public
 * halves reveal the private scalar. A mismatch throws CRYPTO_BAD_KEY.
 */
export function sign(message: Uint8Array, secretKey: Uint8Array, provider: CryptoProvider = referenceProvider): Uint8Array {
  requireData(message, 'message')
  requireBytes(secretKey, SIGN_SECRET_KEY_BYTES, 'signing secret key')
  const derived = fastProvider.signKeyPairFromSeed(secretKey.subarray(0, SIGN_SEED_BYTES))
  const matches = equalBytes(derived.publicKey, secretKey.subarray(SIGN_SEED_BYTES))
  wipe(derived.secretKey)
  if (!matches) throw errors.CRYPTO_BAD_KEY('signing secret key halves do not belong together')
  return provider.sign(message, secretKey)
}

/** True only if the rule admits the signature and the curve equation holds. Never throws on bad bytes. */
export function verifySignature(
  signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array, provider: CryptoProvider = fastProvider,
): boolean {
  if (!(message instanceof Uint8Array)) return false
  return provider.verify(signature, message, publicKey)
}

export function assertValidSignature(
  signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array, provider: CryptoProvider = fastProvider,
): void {
  requireData(message, 'message')
  const fault = signatureFault(signature, publicKey)
  if (fault?.startsWith('key-')) throw errors.CRYPTO_BAD_KEY(`signing public key: ${fault}`)
  if (fault) throw errors.CRYPTO_BAD_SIGNATURE(fault)
  if (!provider.verify(signature, message, publicKey)) throw errors.CRYPTO_BAD_SIGNATURE()
}

/** Throws CRYPTO_BAD_KEY unless the key is a canonical point of the prime-order subgroup. */
export function admitPublicKey(publicKey: Uint8Array): void {
  const fault = publicKeyFault(publicKey)
  if (fault) throw errors.CRYPTO_BAD_KEY(`signing public key: ${fault}`)
  if (!sodium.crypto_core_ed25519_is_valid_point(publicKey)) {
    throw errors.CRYPTO_BAD_KEY('signing public key: not a point of the prime-order subgroup')
  }
}
