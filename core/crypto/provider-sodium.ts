/**
 * The fast provider: libsodium through sodium-native. Same contract and same bytes as
 * provider-tweetnacl.ts; see provider.ts.
 *
 * sodium-native throws a bare Error when a sealing call fails. With lengths checked beforehand,
 * the only cause left is a small-order X25519 key, so that is reported as CRYPTO_BAD_KEY. Its
 * open calls return false instead, which becomes null here.
 */
import { errors } from '../errors.ts'
import { signatureFault } from './ed25519-rules.ts'
import {
  BOX_PUBLIC_KEY_BYTES, BOX_SECRET_KEY_BYTES, BOX_SEED_BYTES, MAC_BYTES, NONCE_BYTES, SECRETBOX_KEY_BYTES,
  SEALED_BOX_OVERHEAD, SIGNATURE_BYTES, SIGN_PUBLIC_KEY_BYTES, SIGN_SECRET_KEY_BYTES, SIGN_SEED_BYTES,
  requireBytes, requireData, type CryptoProvider, type KeyPair,
} from './provider.ts'
import { sodium } from './sodium.ts'

function checkBoxArgs(nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): void {
  requireBytes(nonce, NONCE_BYTES, 'nonce')
  requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
  requireBytes(secretKey, BOX_SECRET_KEY_BYTES, 'box secret key')
}

function smallOrder(cause: unknown): Error {
  return errors.CRYPTO_BAD_KEY('box public key has small order', { cause })
}

export const fastProvider: CryptoProvider = {
  name: 'sodium',

  signKeyPairFromSeed(seed: Uint8Array): KeyPair {
    requireBytes(seed, SIGN_SEED_BYTES, 'signing seed')
    const publicKey = new Uint8Array(SIGN_PUBLIC_KEY_BYTES)
    const secretKey = new Uint8Array(SIGN_SECRET_KEY_BYTES)
    sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed)
    return { publicKey, secretKey }
  },

  boxKeyPairFromSeed(seed: Uint8Array): KeyPair {
    requireBytes(seed, BOX_SEED_BYTES, 'box seed')
    const publicKey = new Uint8Array(BOX_PUBLIC_KEY_BYTES)
    const secretKey = new Uint8Array(BOX_SECRET_KEY_BYTES)
    sodium.crypto_box_seed_keypair(publicKey, secretKey, seed)
    return { publicKey, secretKey }
  },

  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
    requireData(message, 'message')
    requireBytes(secretKey, SIGN_SECRET_KEY_BYTES, 'signing secret key')
    const signature = new Uint8Array(SIGNATURE_BYTES)
    sodium.crypto_sign_detached(signature, message, secretKey)
    return signature
  },

  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
    requireData(message, 'message')
    if (signatureFault(signature, publicKey) !== null) return false
    return sodium.crypto_sign_verify_detached(signature, message, publicKey)
  },

  secretboxSeal(plaintext: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    requireBytes(nonce, NONCE_BYTES, 'nonce')
    requireBytes(key, SECRETBOX_KEY_BYTES, 'secretbox key')
    const box = new Uint8Array(plaintext.length + MAC_BYTES)
    sodium.crypto_secretbox_easy(box, plaintext, nonce, key)
    return box
  },

  secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
    requireData(box, 'box')
    requireBytes(nonce, NONCE_BYTES, 'nonce')
    requireBytes(key, SECRETBOX_KEY_BYTES, 'secretbox key')
    if (box.length < MAC_BYTES) return null
    const plain = new Uint8Array(box.length - MAC_BYTES)
    return sodium.crypto_secretbox_open_easy(plain, box, nonce, key) ? plain : null
  },

  boxSeal(plaintext: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    checkBoxArgs(nonce, publicKey, secretKey)
    const box = new Uint8Array(plaintext.length + MAC_BYTES)
    try {
      sodium.crypto_box_easy(box, plaintext, nonce, publicKey, secretKey)
    } catch (err) {
      throw smallOrder(err)
    }
    return box
  },

  boxOpen(box: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
    requireData(box, 'box')
    checkBoxArgs(nonce, publicKey, secretKey)
    if (box.length < MAC_BYTES) return null
    const plain = new Uint8Array(box.length - MAC_BYTES)
    return sodium.crypto_box_open_easy(plain, box, nonce, publicKey, secretKey) ? plain : null
  },

  sealedBoxSeal(plaintext: Uint8Array, publicKey: Uint8Array): Uint8Array {
    requireData(plaintext, 'plaintext')
    requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
    const sealed = new Uint8Array(plaintext.length + SEALED_BOX_OVERHEAD)
    try {
      sodium.crypto_box_seal(sealed, plaintext, publicKey)
    } catch (err) {
      throw smallOrder(err)
    }
    return sealed
  },

  sealedBoxOpen(sealed: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
    requireData(sealed, 'sealed box')
    requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
    requireBytes(secretKey, BOX_SECRET_KEY_BYTES, 'box secret key')
    if (sealed.length < SEALED_BOX_OVERHEAD) return null
    const plain = new Uint8Array(sealed.length - SEALED_BOX_OVERHEAD)
    return sodium.crypto_box_seal_open(plain, sealed, publicKey, secretKey) ? plain : null
  },

  sha512(data: Uint8Array): Uint8Array {
    requireData(data, 'data')
    const out = new Uint8Array(64)
    sodium.crypto_hash_sha512(out, data)
    return out
  },
}
