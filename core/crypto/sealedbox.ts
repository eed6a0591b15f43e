/**
 * Anonymous sealed boxes to an X25519 public key: the lockbox primitive. An epoch key is sealed
 * to each member device's box key; only that device can open it, and the box does not say who
 * sealed it (authorship comes from the signed governance event that carries it).
 *
 * Layout = libsodium crypto_box_seal, so either provider opens what the other sealed:
 *   ephemeral public key (32) || MAC (16) || ciphertext (plaintext length)
 * with nonce = BLAKE2b-192(ephemeral pk || recipient pk), never stored. No version byte: the
 * lockbox format around it carries one.
 *
 * Nonce and key rules: the ephemeral keypair is fresh for every box and its secret is wiped right
 * after sealing, so each box has its own key and the derived nonce cannot repeat under it.
 * Recipient box keys live as long as the device's membership; a removed device is simply not
 * given lockboxes for later epochs.
 */
import { errors } from '../errors.ts'
import { referenceProvider } from './provider-tweetnacl.ts'
import type { CryptoProvider } from './provider.ts'

export { SEALED_BOX_OVERHEAD } from './provider.ts'

/** Throws CRYPTO_BAD_KEY for a malformed or small-order recipient key. */
export function sealTo(
  plaintext: Uint8Array, recipientPublicKey: Uint8Array, provider: CryptoProvider = referenceProvider,
): Uint8Array {
  return provider.sealedBoxSeal(plaintext, recipientPublicKey)
}

/**
 * Throws CRYPTO_OPEN_FAILED when the box was altered, truncated, or sealed to another key, and
 * CRYPTO_BAD_KEY when the recipient keys have the wrong length.
 */
export function openSealed(
  sealed: Uint8Array, recipientPublicKey: Uint8Array, recipientSecretKey: Uint8Array,
  provider: CryptoProvider = referenceProvider,
): Uint8Array {
  if (!(sealed instanceof Uint8Array)) throw errors.CRYPTO_OPEN_FAILED('sealed box is not bytes')
  const plain = provider.sealedBoxOpen(sealed, recipientPublicKey, recipientSecretKey)
  if (!plain) throw errors.CRYPTO_OPEN_FAILED()
  return plain
}
