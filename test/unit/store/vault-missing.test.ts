/**
 * A profile whose vault file was deleted while its group data stayed (issue 14): every command
 * says VAULT_MISSING with what is there, nothing creates a fresh vault over the data, no file
 * changes, and putting the vault back opens everything. Real vault, Corestore on a temp folder.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { Vault } from '../../../core/store/vault.ts'
import { listFiles } from '../../helpers/canary.ts'
import { ok, wholeFeed } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

function fingerprint(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [path.relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]))
}

describe('a profile whose vault file is gone', () => {
  it('refuses to unlock or create with VAULT_MISSING, changes nothing, and opens again once the vault is back', async () => {
    const dir = path.join(tempDir(), 'p')
    const svc = createService({ profileDir: dir, kdf: CHEAP_KDF })
    await ok(svc.createProfile({ passphrase: PASS }))
    const { id: groupId } = await ok(svc.createGroup({ name: 'Circle', pseudonym: 'Alder' }))
    await ok(svc.post({ groupId, text: 'the words that must survive' }))
    await ok(svc.lock({}))
    await svc.close()

    const vaultFile = path.join(dir, 'vault.hearth')
    const vaultBytes = readFileSync(vaultFile)
    rmSync(vaultFile)
    const before = fingerprint(dir)

    const again = createService({ profileDir: dir, kdf: CHEAP_KDF })
    const status = await ok(again.profileStatus({}))
    expect(status.exists).toBe(false)
    expect(status.vaultMissing).toContain('logs')
    for (const r of [await again.unlock({ passphrase: PASS }), await again.createProfile({ passphrase: PASS })]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_MISSING' } })
      if (!r.ok) expect(r.error.message).toMatch(/found .*logs/)
    }
    expect(fingerprint(dir)).toEqual(before)

    writeFileSync(vaultFile, vaultBytes, { mode: 0o600 })
    await ok(again.unlock({ passphrase: PASS }))
    expect((await wholeFeed(again, groupId)).map((p) => p.text)).toEqual(['the words that must survive'])
    await again.close()
  })

  it('an empty folder, or one holding only a cut-short first creation, still makes a new profile', async () => {
    const empty = path.join(tempDir(), 'e')
    mkdirSync(empty)
    expect(await new Vault(empty, { kdf: CHEAP_KDF }).remnants()).toEqual([])
    await new Vault(empty, { kdf: CHEAP_KDF }).create(PASS)
    const cut = path.join(tempDir(), 'c')
    mkdirSync(cut)
    writeFileSync(path.join(cut, 'vault.hearth.tmp-0a0b0c0d0e0f'), 'x')
    await new Vault(cut, { kdf: CHEAP_KDF }).create(PASS)
  })

  it('names each kind of data it finds (group store, own-log record, checkpoints, a kept damaged copy)', async () => {
    const dir = path.join(tempDir(), 'd')
    mkdirSync(path.join(dir, 'checkpoints'), { recursive: true })
    mkdirSync(path.join(dir, 'damaged-store-2026-12-06'))
    writeFileSync(path.join(dir, 'log-lengths.hearth'), 'x')
    const v = new Vault(dir, { kdf: CHEAP_KDF })
    expect(await v.remnants()).toEqual(['checkpoints', 'damaged-store-2026-12-06', 'log-lengths.hearth'])
    await expect(v.create(PASS)).rejects.toMatchObject({ code: 'VAULT_MISSING' })
    await expect(v.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_MISSING' })
  })
})
