/**
 * argon2id: libsodium's own published vectors (test/default/pwhash_argon2id.c / .exp, kept in
 * test/fixtures/crypto/libsodium-pwhash-argon2id.json) run through the sodium binding kdf.ts uses;
 * then kdf.ts itself: plumbing, Unicode normalisation, a pinned regression value, and one run at
 * the real defaults (64 MiB, t=3).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KDF_DEFAULTS, checkKdfParams, deriveKey, deriveKeySync } from '../../../core/crypto/kdf.ts'
import { sodium } from '../../../core/crypto/sodium.ts'
import { expectCode, hex, toHex } from './support.ts'

interface Vector { name: string; passwordHex: string; saltHex: string; outlen: number; opslimit: number; memlimit: number; expectedHex: string }
interface Encoded { name: string; password: string; encoded: string }
interface Pin { passphrase: string; opslimit: number; memlimit: number; keyHex: string }

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/crypto/${name}`, import.meta.url), 'utf8'))
const published = fixture('libsodium-pwhash-argon2id.json') as { vectors: Vector[]; strings: Encoded[] }
const pinned = fixture('kdf-v1.json') as { saltHex: string; cases: Pin[] }

function rawArgon2id(password: Uint8Array, salt: Uint8Array, outlen: number, opslimit: number, memlimit: number): Uint8Array {
  const out = new Uint8Array(outlen)
  sodium.crypto_pwhash(out, password, salt, opslimit, memlimit, sodium.crypto_pwhash_ALG_ARGON2ID13)
  return out
}

describe('libsodium published argon2id vectors', () => {
  for (const v of published.vectors) {
    it(`crypto_pwhash ${v.name} (t=${v.opslimit}, ${v.memlimit} bytes)`, () => {
      const out = rawArgon2id(hex(v.passwordHex), hex(v.saltHex).subarray(0, 16), v.outlen, v.opslimit, v.memlimit)
      expect(toHex(out)).toBe(v.expectedHex)
    })
  }

  for (const s of published.strings) {
    it(`encoded hash ${s.name}: recomputing from its salt and parameters gives its hash`, () => {
      const [, alg, version, params, salt64, hash64] = s.encoded.split('$')
      expect([alg, version]).toEqual(['argon2id', 'v=19'])
      const m = /^m=(\d+),t=(\d+),p=1$/.exec(params ?? '')
      expect(m).not.toBeNull()
      const salt = Buffer.from(salt64!, 'base64')
      const hash = Buffer.from(hash64!, 'base64')
      expect([salt.length, hash.length]).toEqual([16, 32])
      const out = rawArgon2id(Buffer.from(s.password, 'utf8'), salt, 32, Number(m![2]), Number(m![1]) * 1024)
      expect(toHex(out)).toBe(toHex(hash))
    })
  }
})

describe('kdf.ts', () => {
  const salt = hex(pinned.saltHex)
  const small = { opslimit: 1, memlimit: 8 * 1024 * 1024 }

  it('passes the NFC-normalised UTF-8 passphrase, salt and parameters straight to argon2id', () => {
    const pass = 'Ångström café 🔥'
    const expected = rawArgon2id(Buffer.from(pass.normalize('NFC'), 'utf8'), salt, 32, small.opslimit, small.memlimit)
    expect(toHex(deriveKeySync(pass, salt, small))).toBe(toHex(expected))
  })

  it('the same words typed as NFC or NFD give the same key', () => {
    const nfc = 'Ångström café'.normalize('NFC')
    const nfd = nfc.normalize('NFD')
    expect(nfd).not.toBe(nfc)
    expect(toHex(deriveKeySync(nfd, salt, small))).toBe(toHex(deriveKeySync(nfc, salt, small)))
  })

  it('matches the pinned v1 values (a change here would lock people out of their vaults)', async () => {
    for (const c of pinned.cases) {
      const params = { opslimit: c.opslimit, memlimit: c.memlimit }
      expect(toHex(deriveKeySync(c.passphrase, salt, params))).toBe(c.keyHex)
      expect(toHex(await deriveKey(c.passphrase, salt, params))).toBe(c.keyHex)
    }
  })

  it('at the real defaults (64 MiB, t=3) it is deterministic, 32 bytes, and salt-dependent', async () => {
    const a = await deriveKey('a passphrase', salt)
    const b = deriveKeySync('a passphrase', salt, KDF_DEFAULTS)
    const other = await deriveKey('a passphrase', new Uint8Array(16).fill(0xee))
    expect(a.length).toBe(32)
    expect(toHex(a)).toBe(toHex(b))
    expect(toHex(other)).not.toBe(toHex(a))
  }, 30_000)

  it('refuses out-of-range parameters and wrong salt lengths with CRYPTO_BAD_KEY', () => {
    for (const p of [{ opslimit: 0, memlimit: 8 << 20 }, { opslimit: 3, memlimit: 1 << 20 }, { opslimit: 3, memlimit: 2 ** 31 }, { opslimit: 1.5, memlimit: 8 << 20 }]) {
      expectCode(() => checkKdfParams(p), 'CRYPTO_BAD_KEY')
      expectCode(() => deriveKeySync('x', salt, p), 'CRYPTO_BAD_KEY')
    }
    for (const n of [0, 15, 17, 32]) expectCode(() => deriveKeySync('x', new Uint8Array(n), small), 'CRYPTO_BAD_KEY')
  })
})
