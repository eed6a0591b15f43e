/**
 * Passphrase → key: argon2id v1.3 (libsodium crypto_pwhash via sodium-native).
 * tweetnacl has no memory-hard KDF, so this is the one place sodium-native is the only provider.
 *
 * Defaults: 64 MiB, t=3 (DESIGN.md §5), 16-byte random salt, 32-byte output. The parameters are
 * stored beside the salt so they can be raised later without breaking old vaults; readers refuse
 * parameters outside [KDF_LIMITS] so a damaged or hostile header cannot make us allocate gigabytes.
 *
 * Passphrases are normalised to Unicode NFC first, so the same words typed on two keyboards or
 * operating systems give the same key.
 */
import { sodium } from './sodium.ts'
import { errors } from '../errors.ts'

export interface KdfParams {
  /** argon2id passes (t) */
  opslimit: number
  /** memory in bytes */
  memlimit: number
}

export const KDF_SALT_BYTES = 16
export const KDF_KEY_BYTES = 32
export const KDF_DEFAULTS: Readonly<KdfParams> = Object.freeze({ opslimit: 3, memlimit: 64 * 1024 * 1024 })
export const KDF_LIMITS = Object.freeze({
  opslimit: { min: 1, max: 16 },
  memlimit: { min: 8 * 1024 * 1024, max: 1024 * 1024 * 1024 },
})

export function checkKdfParams(p: KdfParams): void {
  const ok =
    Number.isInteger(p.opslimit) && p.opslimit >= KDF_LIMITS.opslimit.min && p.opslimit <= KDF_LIMITS.opslimit.max &&
    Number.isInteger(p.memlimit) && p.memlimit >= KDF_LIMITS.memlimit.min && p.memlimit <= KDF_LIMITS.memlimit.max
  if (!ok) throw errors.CRYPTO_BAD_KEY('key-derivation parameters are out of range')
}

function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8')
}

function checkSalt(salt: Uint8Array): void {
  if (salt.length !== KDF_SALT_BYTES) throw errors.CRYPTO_BAD_KEY(`salt must be ${KDF_SALT_BYTES} bytes`)
}

/** Runs on libuv's thread pool so the event loop (and the UI behind IPC) stays responsive. */
export function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams = KDF_DEFAULTS): Promise<Uint8Array> {
  checkKdfParams(params)
  checkSalt(salt)
  const out = new Uint8Array(KDF_KEY_BYTES)
  const pw = passphraseBytes(passphrase)
  return new Promise((resolve, reject) => {
    sodium.crypto_pwhash_async(out, pw, salt, params.opslimit, params.memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13, (err: Error | null) => {
      pw.fill(0)
      if (err) reject(errors.INTERNAL('key derivation failed', { cause: err }))
      else resolve(out)
    })
  })
}

export function deriveKeySync(passphrase: string, salt: Uint8Array, params: KdfParams = KDF_DEFAULTS): Uint8Array {
  checkKdfParams(params)
  checkSalt(salt)
  const out = new Uint8Array(KDF_KEY_BYTES)
  const pw = passphraseBytes(passphrase)
  sodium.crypto_pwhash(out, pw, salt, params.opslimit, params.memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13)
  pw.fill(0)
  return out
}
