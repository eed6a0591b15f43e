/**
 * Writes the archive fixture that pins the .hearth archive, version 1 (docs/formats.md):
 * test/fixtures/archive/v1.hearth, and v1.json naming its passphrase and what it must restore to.
 *
 *   npx tsx scripts/gen-archive-fixtures.ts
 *
 * Not byte-deterministic (fresh keys, salt and nonces), so the test pins it by reading the header
 * by hand and restoring it: any change that stops a v1 archive opening fails. Run it only when
 * adding a fixture or introducing a new version; never regenerate v1 to make a test pass.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Result } from '../core/api.ts'
import { createService } from '../core/service.ts'

const DIR = fileURLToPath(new URL('../test/fixtures/archive/', import.meta.url))
/** Not a secret: anyone may open the fixture. */
const PASSPHRASE = 'hearth archive fixture v1'
const kdf = { opslimit: 1, memlimit: 8 * 1024 * 1024 }

async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const work = mkdtempSync(path.join(os.tmpdir(), 'hearth-fixture-'))
try {
  const svc = createService({ profileDir: path.join(work, 'p'), kdf })
  await ok(svc.createProfile({ passphrase: 'fixture profile', name: 'Fixture' }))
  const g = await ok(svc.createGroup({ name: 'Fixture circle' }))
  await ok(svc.setRules({ groupId: g.id, text: 'Be kind to each other.' }))
  const p = await ok(svc.post({ groupId: g.id, text: 'The first post.', cw: 'a gentle warning' }))
  await ok(svc.reply({ groupId: g.id, to: p.id, text: 'A reply.' }))
  await ok(svc.react({ groupId: g.id, to: p.id, kind: 'believe' }))
  await ok(svc.post({ groupId: g.id, text: 'A second post.', topic: 'celebration' }))
  mkdirSync(DIR, { recursive: true })
  await ok(svc.exportGroup({ groupId: g.id, format: 'archive', path: path.join(DIR, 'v1.hearth'), archivePassphrase: PASSPHRASE }))
  const info = await ok(svc.groupInfo({ groupId: g.id }))
  const feed = await ok(svc.feed({ groupId: g.id }))
  await svc.close()
  writeFileSync(path.join(DIR, 'v1.json'), JSON.stringify({
    format: 'hearth-archive', version: 1, file: 'v1.hearth', passphrase: PASSPHRASE, kdf,
    groupId: g.id, name: 'Fixture circle', member: info.me, feed: feed.posts,
  }, null, 2) + '\n')
  console.log('wrote test/fixtures/archive/v1.hearth and v1.json')
} finally {
  rmSync(work, { recursive: true, force: true })
}
