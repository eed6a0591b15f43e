/**
 * The cheapest argon2id cost the vault accepts (1 pass, 8 MiB), for tests whose claim is not the
 * key derivation's cost: what a vault writes and reads is the same at any cost, and the file
 * records its own. At the default cost (64 MiB, 3 passes) each unlock is CPU work that a loaded
 * machine pays in wall time. Tests of the derivation itself (test/unit/crypto/kdf.test.ts) keep
 * their own figures.
 */
import { KDF_LIMITS, type KdfParams } from '../../core/crypto/kdf.ts'

export const CHEAP_KDF: Readonly<KdfParams> = Object.freeze({ opslimit: KDF_LIMITS.opslimit.min, memlimit: KDF_LIMITS.memlimit.min })
