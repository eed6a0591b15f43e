/**
 * The reference provider: tweetnacl, plus libsodium's sealed-box construction rebuilt on it.
 *
 * tweetnacl has no crypto_box_seal, so sealedBoxSeal follows libsodium's definition exactly:
 *   ephemeral keypair (epk, esk), fresh per box and wiped after use;
 *   nonce = BLAKE2b-192(epk || recipient pk)  (unkeyed, 24-byte output);
 *   sealed = epk || crypto_box(plaintext, nonce, recipient pk, esk).
 * The nonce needs no randomness of its own: epk is new for every box, so (key, nonce) never repeats.
 * BLAKE2b comes from hash.ts (sodium-native), as tweetnacl has none.
 *
 * libsodium refuses an X25519 exchange whose shared point is zero (the peer key has small order);
 * tweetnacl does not. To match it without a second scalar multiplication, the derived box key is
 * compared with ZERO_POINT_KEY, the key any all-zero shared point yields. Reaching it from a
 * non-zero point would mean finding an HSalsa20 collision.
 */
import nacl from 'tweetnacl'
import { errors } from '../errors.ts'
import { signatureFault } from './ed25519-rules.ts'
import { equalBytes, hash } from './hash.ts'
import {
  BOX_PUBLIC_KEY_BYTES, BOX_SECRET_KEY_BYTES, BOX_SEED_BYTES, MAC_BYTES, NONCE_BYTES, SECRETBOX_KEY_BYTES,
  SEALED_BOX_OVERHEAD, SIGN_SECRET_KEY_BYTES, SIGN_SEED_BYTES,
  requireBytes, requireData, type CryptoProvider, type KeyPair,
} from './provider.ts'
import { wipe } from './wipe.ts'

const ZERO_POINT_KEY = nacl.box.before(new Uint8Array(32), new Uint8Array(32).fill(1))

/** The crypto_box key for (pk, sk), or null when pk has small order. The caller wipes it. */
function sharedKey(publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
  const k = nacl.box.before(publicKey, secretKey)
  if (!equalBytes(k, ZERO_POINT_KEY)) return k
  wipe(k)
  return null
}

function sealNonce(ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const input = new Uint8Array(2 * BOX_PUBLIC_KEY_BYTES)
  input.set(ephemeralPublicKey, 0)
  input.set(recipientPublicKey, BOX_PUBLIC_KEY_BYTES)
  return hash(input, NONCE_BYTES)
}

function checkBoxArgs(nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): void {
  requireBytes(nonce, NONCE_BYTES, 'nonce')
  requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
  requireBytes(secretKey, BOX_SECRET_KEY_BYTES, 'box secret key')
}

export const referenceProvider: CryptoProvider = {
  name: 'tweetnacl',

  signKeyPairFromSeed(seed: Uint8Array): KeyPair {
    requireBytes(seed, SIGN_SEED_BYTES, 'signing seed')
    return nacl.sign.keyPair.fromSeed(seed)
  },

  boxKeyPairFromSeed(seed: Uint8Array): KeyPair {
    requireBytes(seed, BOX_SEED_BYTES, 'box seed')
    const digest = nacl.hash(seed)
    const pair = nacl.box.keyPair.fromSecretKey(digest.subarray(0, BOX_SECRET_KEY_BYTES))
    wipe(digest)
    return pair
  },

  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
    requireData(message, 'message')
    requireBytes(secretKey, SIGN_SECRET_KEY_BYTES, 'signing secret key')
    return nacl.sign.detached(message, secretKey)
  },

  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
    requireData(message, 'message')
    if (signatureFault(signature, publicKey) !== null) return false
    return nacl.sign.detached.verify(message, signature, publicKey)
  },

  secretboxSeal(plaintext: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    requireBytes(nonce, NONCE_BYTES, 'nonce')
    requireBytes(key, SECRETBOX_KEY_BYTES, 'secretbox key')
    return nacl.secretbox(plaintext, nonce, key)
  },

  secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
    requireData(box, 'box')
    requireBytes(nonce, NONCE_BYTES, 'nonce')
    requireBytes(key, SECRETBOX_KEY_BYTES, 'secretbox key')
    if (box.length < MAC_BYTES) return null
    return nacl.secretbox.open(box, nonce, key)
  },

  boxSeal(plaintext: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    checkBoxArgs(nonce, publicKey, secretKey)
    const k = sharedKey(publicKey, secretKey)
    if (!k) throw errors.CRYPTO_BAD_KEY('box public key has small order')
    const box = nacl.secretbox(plaintext, nonce, k)
    wipe(k)
    return box
  },

  boxOpen(box: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
    requireData(box, 'box')
    checkBoxArgs(nonce, publicKey, secretKey)
    if (box.length < MAC_BYTES) return null
    const k = sharedKey(publicKey, secretKey)
    if (!k) return null
    const plain = nacl.secretbox.open(box, nonce, k)
    wipe(k)
    return plain
  },

  sealedBoxSeal(plaintext: Uint8Array, publicKey: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
    const ephemeral = nacl.box.keyPair()
    const k = sharedKey(publicKey, ephemeral.secretKey)
    wipe(ephemeral.secretKey)
    if (!k) throw errors.CRYPTO_BAD_KEY('box public key has small order')
    const box = nacl.secretbox(plaintext, sealNonce(ephemeral.publicKey, publicKey), k)
    wipe(k)
    const sealed = new Uint8Array(BOX_PUBLIC_KEY_BYTES + box.length)
    sealed.set(ephemeral.publicKey, 0)
    sealed.set(box, BOX_PUBLIC_KEY_BYTES)
    return sealed
  },

  sealedBoxOpen(sealed: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
    requireData(sealed, 'sealed box')
    requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
    requireBytes(secretKey, BOX_SECRET_KEY_BYTES, 'box secret key')
    if (sealed.length < SEALED_BOX_OVERHEAD) return null
    const ephemeralPublicKey = sealed.subarray(0, BOX_PUBLIC_KEY_BYTES)
    const k = sharedKey(ephemeralPublicKey, secretKey)
    if (!k) return null
    const plain = nacl.secretbox.open(sealed.subarray(BOX_PUBLIC_KEY_BYTES), sealNonce(ephemeralPublicKey, publicKey), k)
    wipe(k)
    return plain
  },

  sha512(data: Uint8Array): Uint8Array {
    requireData(data, 'data')
    return nacl.hash(data)
  },
}
