/**
 * Copies of key material are really copies (core/crypto/wipe.ts `copyBytes`). The keeper link
 * wipes the epoch keys it was handed once it has derived its access keys; on a newcomer, whose
 * keys came from a welcome as `Buffer.from(hex)`, every "copy" made with `.slice()` was a view of
 * the same memory, so that wipe zeroed the epoch key in the group space and the vault, and the
 * newcomer proved a different keeper access key than the others (keeper-attacks.test.ts). Each
 * test here fails with `.slice()` back in the place it covers.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyBytes, wipe } from '../../../core/crypto/wipe.ts'
import { Vault } from '../../../core/store/vault.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { hex, identity, MemLog } from '../group/support.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const seed = testSeed()
const zero = (b: Uint8Array): boolean => b.every((x) => x === 0)

describe('a copy of key material is the caller’s own', () => {
  it('copyBytes of a Buffer does not share its memory (Buffer#slice does)', () => {
    const rnd = seededRandom(seed)
    const original = Buffer.from(hex(rnd.bytes(32)), 'hex')
    const view = original.slice()
    const copy = copyBytes(original)
    wipe(copy)
    expect(zero(original)).toBe(false)
    // The mechanism this guards against, kept visible: Node's slice is a view.
    wipe(view)
    expect(zero(original)).toBe(true)
  })

  it('the vault keeps its own copy of a Buffer it is given, and hands out values whose slices copy', async () => {
    const rnd = seededRandom(seed)
    const vault = new Vault(path.join(tempDir(), 'profile'))
    await vault.create('correct horse battery staple')
    const key = Buffer.from(hex(rnd.bytes(32)), 'hex') // as a welcome's epoch key arrives
    const expected = Uint8Array.from(key)
    await vault.setMany([['group/x/epoch/0', key]])
    wipe(key)
    const held = vault.get('group/x/epoch/0') as Uint8Array
    expect(held).toEqual(expected)
    wipe(held.slice())
    expect(vault.get('group/x/epoch/0')).toEqual(expected)
    vault.lock()
  })

  it('a group space hands out epoch keys that can be wiped, even when it holds a Buffer', () => {
    const rnd = seededRandom(seed)
    const key = Buffer.from(hex(rnd.bytes(32)), 'hex')
    const expected = Uint8Array.from(key)
    const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, key]]), current: 0 }, {})
    wipe(space.epochKey(0))
    expect(space.epochKey(0)).toEqual(expected)
    space.addEpochKey(1, key)
    wipe(key)
    expect(space.epochKey(1)).toEqual(expected)
  })
})

describe('nothing is sealed under a wiped key', () => {
  it('sealSecret, a sealed file and a block refuse an all-zero key, coded', async () => {
    const { sealSecret } = await import('../../../core/crypto/secretbox.ts')
    const { sealFile } = await import('../../../core/store/sealed-file.ts')
    const wiped = new Uint8Array(32)
    const plain = new TextEncoder().encode('canary words')
    expect(() => sealSecret(wiped, plain)).toThrow(expect.objectContaining({ code: 'CRYPTO_BAD_KEY' }))
    expect(() => sealFile(new Uint8Array([72]), 1, plain, wiped)).toThrow(expect.objectContaining({ code: 'CRYPTO_BAD_KEY' }))
    const key = seededRandom(seed).bytes(32)
    expect(sealSecret(key, plain).length).toBeGreaterThan(plain.length)
  })
})
