/**
 * Checks a passphrase against the vault file on disk without touching the running node's keys:
 * what a serving node asks of each socket connection before it answers anything private.
 *
 * The service cannot do this itself: its `unlock` returns at once on an unlocked node, and unlock
 * through a second Vault would sweep the vault's temp files while the live vault may be writing
 * one. So this mirrors Vault's private passphrase check, with the same on-disk back-off file, so
 * the socket is no faster a way to guess than the unlock screen.
 */
import path from 'node:path'
import { errors, HearthError } from '../../core/errors.ts'
import { checkKdfParams, deriveKey } from '../../core/crypto/kdf.ts'
import { openSecret } from '../../core/crypto/secretbox.ts'
import { wipe } from '../../core/crypto/wipe.ts'
import { readFileOrNull } from '../../core/store/atomic-file.ts'
import { retryAfterMs, UnlockBackoff } from '../../core/store/unlock-backoff.ts'
import { VAULT_FILE } from '../../core/store/vault.ts'
import { decodeVaultFile } from '../../core/store/vault-format.ts'

/** Resolves when `passphrase` opens the profile's vault; rejects with a coded HearthError. */
export type PassphraseCheck = (passphrase: string) => Promise<void>

export function passphraseCheck(profileDir: string, now: () => number = Date.now): PassphraseCheck {
  const file = path.join(profileDir, VAULT_FILE)
  const backoff = new UnlockBackoff(profileDir)
  // One check at a time: each argon2id run takes tens of megabytes, and parallel guesses on many
  // connections must not outrun the back-off, which is read before and written after each one.
  let queue: Promise<unknown> = Promise.resolve()

  async function check(passphrase: string): Promise<void> {
    const bytes = await readFileOrNull(file)
    if (!bytes) throw errors.PROFILE_NOT_FOUND()
    const vault = decodeVaultFile(bytes)
    const at = now()
    const attempts = await backoff.read(at)
    const wait = retryAfterMs(attempts, at)
    if (wait > 0) throw errors.TOO_MANY_ATTEMPTS(undefined, { retryAfterMs: wait })
    try {
      checkKdfParams(vault.kdf)
    } catch {
      throw errors.VAULT_CORRUPT('key-derivation parameters are out of range')
    }
    await backoff.recordAttempt(attempts, at)
    const kek = await deriveKey(passphrase, vault.salt, vault.kdf)
    try {
      wipe(openSecret(kek, vault.wrappedKey))
    } catch (e) {
      if (e instanceof HearthError && e.code === 'CRYPTO_OPEN_FAILED') throw errors.WRONG_PASSPHRASE()
      throw e
    } finally {
      wipe(kek)
    }
    await backoff.clear()
  }

  return (passphrase) => {
    const run = queue.then(() => check(passphrase))
    queue = run.catch(() => undefined)
    return run
  }
}
