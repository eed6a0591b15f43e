import { existsSync, linkSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../core/api.ts'
import { HearthError } from '../../../core/errors.ts'
import { hash } from '../../../core/crypto/hash.ts'
import { Vault, VAULT_FILE } from '../../../core/store/vault.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const OTHER = 'a different passphrase'

async function codeOf(p: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await p
    return 'resolved'
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw e
  }
}

function clock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start
  return { now: () => t, advance: (ms) => (t += ms) }
}

async function newVault(): Promise<{ dir: string; vault: Vault }> {
  const dir = path.join(tempDir(), 'profile')
  const vault = new Vault(dir)
  await vault.create(PASS)
  return { dir, vault }
}

describe('vault lifecycle', () => {
  it('keeps entries across lock and unlock, and across a new process object', async () => {
    const { dir, vault } = await newVault()
    await vault.set('identity', new Uint8Array([1, 2, 3]))
    vault.lock()
    expect(vault.unlocked).toBe(false)
    const again = new Vault(dir)
    await again.unlock(PASS)
    expect([...(again.get('identity') ?? [])]).toEqual([1, 2, 3])
    await again.delete('identity')
    expect(again.get('identity')).toBeUndefined()
  })

  it('wipes keys and entries from memory on lock', async () => {
    const { vault } = await newVault()
    await vault.set('secret', new Uint8Array(32).fill(7))
    const held = vault.get('secret') as Uint8Array
    const subkey = vault.subkey('test')
    expect(subkey).toHaveLength(32)
    vault.lock()
    expect(held.every((b) => b === 0)).toBe(true)
    expect(() => vault.get('secret')).toThrow(expect.objectContaining({ code: 'PROFILE_LOCKED' }))
    expect(() => vault.subkey('test')).toThrow(expect.objectContaining({ code: 'PROFILE_LOCKED' }))
  })

  it('derives the same subkey after unlock, and different ones per purpose', async () => {
    const { vault } = await newVault()
    const a = vault.subkey('corestore').slice()
    const b = vault.subkey('archive').slice()
    vault.lock()
    await vault.unlock(PASS)
    expect(vault.subkey('corestore')).toEqual(a)
    expect(b).not.toEqual(a)
  })

  it('refuses a second profile in the same folder and a weak passphrase', async () => {
    const { dir } = await newVault()
    expect(await codeOf(new Vault(dir).create(PASS))).toBe('PROFILE_EXISTS')
    expect(await codeOf(new Vault(path.join(tempDir(), 'p')).create('short'))).toBe('WEAK_PASSPHRASE')
  })

  it('reports a missing profile', async () => {
    expect(await codeOf(new Vault(path.join(tempDir(), 'none')).unlock(PASS))).toBe('PROFILE_NOT_FOUND')
  })

  it('changes the passphrase only with the current one', async () => {
    const { dir, vault } = await newVault()
    await vault.set('k', new Uint8Array([9]))
    const before = readFileSync(path.join(dir, VAULT_FILE))
    expect(await codeOf(vault.changePassphrase(OTHER, 'new passphrase here'))).toBe('WRONG_PASSPHRASE')
    expect(readFileSync(path.join(dir, VAULT_FILE))).toEqual(before)
    await vault.changePassphrase(PASS, 'new passphrase here')
    vault.lock()
    expect(await codeOf(vault.unlock(PASS))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('new passphrase here')
    expect([...(vault.get('k') ?? [])]).toEqual([9])
  })

  it('treats the same words in different Unicode forms as the same passphrase', async () => {
    const dir = path.join(tempDir(), 'p')
    const v = new Vault(dir)
    await v.create('caf\u00e9 au lait, s\u2019il vous pla\u00eet')
    v.lock()
    await v.unlock('cafe\u0301 au lait, s\u2019il vous plai\u0302t')
    expect(v.unlocked).toBe(true)
  })
})

describe('reads while a write is in flight', () => {
  it('returns the old value until the new one is durable, then the new one; the old copy is wiped after', async () => {
    const { vault } = await newVault()
    const name = 'group/00112233445566778899aabbccddeeff'
    await vault.set(name, new TextEncoder().encode('{"v":1,"firstSync":true}'))
    const old = vault.get(name) as Uint8Array
    const write = vault.set(name, new TextEncoder().encode('{"v":1}'))
    // One turn of the event loop: the change is made (it runs once the queue reaches it, in a
    // microtask) and the file's write is in flight (open, write, fsync, close and rename each take
    // a turn at least). A read then sees the old words whole, not a copy wiped before the swap.
    await new Promise((r) => setImmediate(r))
    expect(new TextDecoder().decode(vault.get(name))).toBe('{"v":1,"firstSync":true}')
    const removing = vault.delete(name)
    await write
    expect(new TextDecoder().decode(vault.get(name))).toBe('{"v":1}')
    expect(old.every((b) => b === 0)).toBe(true)
    await removing
    expect(vault.get(name)).toBeUndefined()
  })
})

describe('wrong passphrase and back-off', () => {
  it('grows the wait after three failures, survives a restart, and clears on success', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const c = clock()
    const v = new Vault(dir, { now: c.now })
    for (let i = 0; i < 3; i++) expect(await codeOf(v.unlock(OTHER))).toBe('WRONG_PASSPHRASE')
    const err = await v.unlock(PASS).catch((e: HearthError) => e)
    expect(err).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1000 })

    c.advance(1000)
    expect(await codeOf(v.unlock(OTHER))).toBe('WRONG_PASSPHRASE')
    const restarted = new Vault(dir, { now: c.now })
    expect(await restarted.retryAfterMs()).toBe(2000)
    expect(await codeOf(restarted.unlock(PASS))).toBe('TOO_MANY_ATTEMPTS')
    c.advance(2000)
    expect(await codeOf(restarted.unlock(OTHER))).toBe('WRONG_PASSPHRASE')
    expect(await restarted.retryAfterMs()).toBe(4000)

    c.advance(4000)
    await restarted.unlock(PASS)
    restarted.lock()
    expect(await restarted.retryAfterMs()).toBe(0)
    expect(await codeOf(restarted.unlock(OTHER))).toBe('WRONG_PASSPHRASE')
  })

  it('counts parallel guesses one at a time', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const c = clock()
    const v = new Vault(dir, { now: c.now })
    const codes = await Promise.all(Array.from({ length: 6 }, () => codeOf(v.unlock(OTHER))))
    expect(codes.filter((x) => x === 'WRONG_PASSPHRASE')).toHaveLength(3)
    expect(codes.filter((x) => x === 'TOO_MANY_ATTEMPTS')).toHaveLength(3)
  })

  it('does not let a damaged attempt counter skip the wait', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    writeFileSync(path.join(dir, 'unlock-attempts'), 'garbage')
    const c = clock()
    const v = new Vault(dir, { now: c.now })
    expect(await codeOf(v.unlock(PASS))).toBe('TOO_MANY_ATTEMPTS')
    c.advance(1000)
    await v.unlock(PASS)
    expect(v.unlocked).toBe(true)
  })
})

describe('damaged vault files', () => {
  const DAMAGE: ErrorCode[] = ['VAULT_CORRUPT', 'VAULT_TRUNCATED', 'VAULT_VERSION']

  it('flipping any bit gives a damage code and leaves the file untouched', async () => {
    const { dir, vault } = await newVault()
    await vault.set('k', new Uint8Array(40).fill(1))
    vault.lock()
    const file = path.join(dir, VAULT_FILE)
    const original = readFileSync(file)
    const rnd = seededRandom(testSeed())
    for (let i = 0; i < 120; i++) {
      const pos = rnd.int(0, original.length - 1)
      const damaged = Buffer.from(original)
      damaged[pos] = (damaged[pos] as number) ^ (1 << rnd.int(0, 7))
      writeFileSync(file, damaged)
      const code = await codeOf(new Vault(dir).unlock(PASS))
      expect(DAMAGE, `seed ${rnd.seed} byte ${pos} gave ${code}`).toContain(code)
      if ((pos >= 12 && pos < 108) || pos >= 112) expect(code).toBe('VAULT_CORRUPT')
      expect(readFileSync(file)).toEqual(damaged)
    }
  })

  it('truncation at any length gives VAULT_TRUNCATED', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const file = path.join(dir, VAULT_FILE)
    const original = readFileSync(file)
    for (let len = 0; len < original.length; len += 7) {
      writeFileSync(file, original.subarray(0, len))
      expect(await codeOf(new Vault(dir).unlock(PASS)), `length ${len}`).toBe('VAULT_TRUNCATED')
    }
  })

  it('a file from a newer Hearth gives VAULT_VERSION', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const file = path.join(dir, VAULT_FILE)
    const bytes = readFileSync(file)
    bytes[8] = 2
    const n = bytes.readUInt32LE(108)
    bytes.set(hash(bytes.subarray(0, 112 + n)), 112 + n)
    writeFileSync(file, bytes)
    expect(await codeOf(new Vault(dir).unlock(PASS))).toBe('VAULT_VERSION')
  })

  it('a hostile KDF cost in an intact header is refused before any work', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const file = path.join(dir, VAULT_FILE)
    const bytes = readFileSync(file)
    bytes.writeUInt32LE(0xffffffff, 16)
    const n = bytes.readUInt32LE(108)
    bytes.set(hash(bytes.subarray(0, 112 + n)), 112 + n)
    writeFileSync(file, bytes)
    expect(await codeOf(new Vault(dir).unlock(PASS))).toBe('VAULT_CORRUPT')
  })
})

describe('panic wipe', () => {
  it('overwrites the key file and removes the profile, even while locked', async () => {
    const { dir, vault } = await newVault()
    await vault.set('k', new Uint8Array([1]))
    vault.lock()
    // A hard link shares the file's storage, so it shows what destroy did to the bytes themselves.
    const witness = path.join(path.dirname(dir), 'witness')
    linkSync(path.join(dir, VAULT_FILE), witness)
    const before = readFileSync(witness)
    await new Vault(dir).destroy()
    expect(existsSync(dir)).toBe(false)
    const after = readFileSync(witness)
    expect(after).toHaveLength(before.length)
    expect(after.subarray(0, 8).toString('latin1')).not.toBe('HEARTHVT')
    expect(await codeOf(new Vault(dir).unlock(PASS))).toBe('PROFILE_NOT_FOUND')
  })
})

describe('nothing readable on disk', () => {
  it('the vault folder holds no canary, passphrase or key bytes', async () => {
    const { dir, vault } = await newVault()
    const canary = makeCanary('vault')
    await vault.set('note', new TextEncoder().encode(canary))
    await vault.set(makeCanary('entry-name'), new Uint8Array([1]))
    const names = vault.names()
    await vault.changePassphrase(PASS, OTHER)
    const subkeyHex = Buffer.from(vault.subkey('x')).toString('hex')
    vault.lock()
    expect(scanForCanaries([dir], [canary, PASS, OTHER, subkeyHex, ...names])).toEqual([])
  })

  it('the scanner does find a canary that is on disk (positive control)', () => {
    const dir = tempDir()
    const canary = makeCanary('control')
    writeFileSync(path.join(dir, 'a'), `xx${canary}yy`)
    writeFileSync(path.join(dir, 'b'), Buffer.from(`z${canary}`, 'utf16le'))
    writeFileSync(path.join(dir, 'c'), Buffer.from(`zz${canary}`).toString('base64'))
    const hits = scanForCanaries([dir], [canary])
    expect(hits.map((h) => `${path.basename(h.file)}:${h.encoding}`).sort()).toEqual(['a:utf8', 'b:utf16le', 'c:base64+2'])
    // A file or a missing folder given as a root would scan as empty: refused, never a silent pass.
    expect(() => scanForCanaries([path.join(dir, 'a')], [canary])).toThrow(/not a folder/)
    expect(() => scanForCanaries([path.join(dir, 'missing')], [canary])).toThrow(/not a folder/)
  })
})

describe('checking a passphrase without unlocking', () => {
  it('answers right or wrong with the same back-off as unlock, and leaves the lock as it was', async () => {
    const { dir, vault } = await newVault()
    vault.lock()
    const c = clock()
    const v = new Vault(dir, { now: c.now })
    await v.verifyPassphrase(PASS)
    expect(v.unlocked).toBe(false)
    for (let i = 0; i < 3; i++) expect(await codeOf(v.verifyPassphrase(OTHER))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(v.verifyPassphrase(PASS))).toBe('TOO_MANY_ATTEMPTS')
    expect(await codeOf(v.unlock(PASS))).toBe('TOO_MANY_ATTEMPTS')
  })
})
