/**
 * Archive export and restore of a large group (issue 7): builds a group of UPDATES Yjs updates by
 * MEMBERS members in a real profile on disk (scripts/bench/big-group.ts: 60 % posts, 30 % replies,
 * 10 % reactions), then through the service measures exporting the whole group as a .hearth
 * archive, and restoring it into a fresh profile (both passes, the new device log, and opening
 * the group) up to the first feed page. Default argon2id (64 MiB, t=3), as people get it.
 *
 *   npx tsx scripts/bench/archive.ts [--updates 16700] [--members 10] [--runs 3]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Result } from '../../core/api.ts'
import { createService } from '../../core/service.ts'
import { buildBigGroup } from './big-group.ts'

const { values } = parseArgs({ options: { updates: { type: 'string' }, members: { type: 'string' }, runs: { type: 'string' } } })
const UPDATES = Number(values.updates ?? 16_700)
const MEMBERS = Number(values.members ?? 10)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'
const ARCHIVE_PASS = 'benchmark archive passphrase'

async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-archive-'))
try {
  const dir = path.join(root, 'profile')
  const { groupId } = await buildBigGroup(dir, PASS, UPDATES, MEMBERS)
  const src = createService({ profileDir: dir })
  await ok(src.unlock({ passphrase: PASS }))
  await ok(src.groupInfo({ groupId }))
  let posts = 0
  for (let before: string | undefined; ;) {
    const page = await ok(src.feed({ groupId, limit: 100, ...(before ? { before } : {}) }))
    posts += page.posts.length
    if (!page.next) break
    before = page.next
  }
  const exportMs: number[] = []
  const restoreMs: number[] = []
  let blocks = 0
  let bytes = 0
  for (let r = 0; r < RUNS; r++) {
    const file = path.join(root, `group-${r}.hearth`)
    const t0 = performance.now()
    const res = await ok(src.exportGroup({ groupId, format: 'archive', path: file, archivePassphrase: ARCHIVE_PASS }))
    exportMs.push(performance.now() - t0)
    blocks = res.items
    bytes = statSync(file).size
    const fresh = createService({ profileDir: path.join(root, `fresh-${r}`) })
    await ok(fresh.createProfile({ passphrase: PASS }))
    const t1 = performance.now()
    await ok(fresh.restoreArchive({ path: file, archivePassphrase: ARCHIVE_PASS }))
    const first = await ok(fresh.feed({ groupId, limit: 20 }))
    restoreMs.push(performance.now() - t1)
    if (first.posts.length !== 20) throw new Error('the restored group shows no posts')
    await fresh.close()
  }
  await src.close()
  console.log(`\n${posts.toLocaleString()} posts (${blocks.toLocaleString()} log blocks, ${MEMBERS} members), archive ${(bytes / 1e6).toFixed(1)} MB, median of ${RUNS}\n`)
  console.log('| step | median | runs |')
  console.log('|---|---:|---|')
  console.log(`| export the whole group as an archive | ${median(exportMs).toFixed(0)} ms | ${exportMs.map((x) => x.toFixed(0)).join(', ')} |`)
  console.log(`| restore into a fresh profile → first feed page | ${median(restoreMs).toFixed(0)} ms | ${restoreMs.map((x) => x.toFixed(0)).join(', ')} |`)
} finally {
  rmSync(root, { recursive: true, force: true })
}
