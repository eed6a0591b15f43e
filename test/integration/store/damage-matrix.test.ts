/**
 * The damage matrix (issue 14): every kind of file and folder in a profile, deleted, cut in half,
 * bit-flipped, or replaced by a folder, then the real `hearth` command run on it (`feed`, then
 * `post`). Each command must give a coded error or the right data, never a silent loss, and no
 * original may be destroyed:
 *
 *   silent loss        feed exits 0, shows fewer posts than were written, and says nothing
 *                      (no LOG_BEHIND / LOG_UNCONFIRMED warning); or a post succeeds while the
 *                      device's own log is short (it would contradict its peers)
 *   destroyed original a command failed, yet a file's bytes are gone (changed in place, or
 *                      deleted, and not kept aside whole); or posts are missing and a data file
 *                      (write-ahead log, table, blob) was not kept whole somewhere in the profile.
 *                      One allowance, checked narrowly: when the store opened and only a later
 *                      read failed, RocksDB's own recovery may have moved the write-ahead log into
 *                      a new table (data kept), rewriting its bookkeeping files as it does
 *
 * RocksDB's diagnostic `LOG` files are left out of the comparison: RocksDB rotates them on every
 * open attempt, before it reads anything, and they hold no group data (core/store/store-open.ts).
 *
 * One source profile is made once (real CLI, a served node killed with SIGKILL so the write-ahead
 * log holds the last posts, a checkpoint, a personal doc, a stale node socket) and copied per case.
 * A copy is a moved profile (a new `logs/db` inode), so each copy's own-log record is re-sealed
 * with the copy's store id: the cases test damage, not moving (moved-profile.test.ts does that).
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import { runCli, untilServing, type CliRun } from '../../helpers/cli.ts'
import { makeTempDir } from '../../helpers/temp-dir.ts'
import { Vault } from '../../../core/store/vault.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { decodeLogLengths, encodeLogLengths, logLengthsKey, LOG_LENGTHS_FILE } from '../../../core/store/log-lengths.ts'
import { staleSocket } from '../../helpers/stale-socket.ts'
import { storeId } from '../../../core/store/store-open.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const PASS = 'correct horse battery staple'
const env = { HEARTH_PASSPHRASE: PASS }
const POSTS = ['post 1', 'post 2', 'post 3', 'post 4 (in the write-ahead log)', 'post 5 (in the write-ahead log)']

let root: string
let source: string
let groupId: string
let recordKey: Uint8Array

function hearth(args: string[], profile: string): Promise<CliRun> {
  return runCli([...args, '--profile', profile, '--json'], env)
}

beforeAll(async () => {
  root = makeTempDir('hearth-damage-')
  source = path.join(root, 'source')
  expect((await hearth(['init', '--name', 'Alder'], source)).code).toBe(0)
  groupId = ((await hearth(['group', 'create', '--name', 'Circle'], source)).json as { id: string }).id
  for (const t of POSTS.slice(0, 3)) expect((await hearth(['post', '--group', groupId, '--text', t], source)).code).toBe(0)
  // A checkpoint and a personal doc, written by the real registry.
  const vault = new Vault(source)
  await vault.unlock(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  await reg.checkpoint(groupId, await reg.space(groupId))
  await reg.personal.change('journal', (doc) => doc.getMap('content').set('text', 'a private note'))
  await reg.lockNow()
  recordKey = logLengthsKey(vault.subkey(LOG_STORE_KEY_PURPOSE))
  vault.lock()
  // The last posts go through a served node killed with SIGKILL: they stay in the write-ahead log.
  // A post returns only once the own-log record holds it (core/service.ts), so the kill needs no
  // wait: the profile is at rest as far as anything told done goes (acknowledged-post.test.ts).
  const node = spawnTs(HEARTH, ['serve', '--profile', source, '--for', '120', '--json'], env)
  await untilServing(node)
  for (const t of POSTS.slice(3)) expect((await hearth(['post', '--group', groupId, '--text', t], source)).code).toBe(0)
  node.proc.kill('SIGKILL')
  await node.exited
  expect(lstatSync(path.join(source, 'node.sock')).isSocket()).toBe(true)
  expect(readdirSync(path.join(source, 'logs', 'db')).some((f) => f.endsWith('.log') && statSync(path.join(source, 'logs', 'db', f)).size > 0)).toBe(true)
}, 120_000)

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

type Damage = 'delete' | 'truncate' | 'flip' | 'folder'
const DAMAGES: Damage[] = ['delete', 'truncate', 'flip', 'folder']

/** Every kind of file and folder a profile holds, as a path relative to it (found in the source). */
function targets(): { kind: string; rel: string }[] {
  const db = readdirSync(path.join(source, 'logs', 'db'))
  const newest = (re: RegExp): string => {
    const found = db.filter((f) => re.test(f)).sort()
    const last = found[found.length - 1]
    if (!last) throw new Error(`the source profile has no ${re}`)
    return path.join('logs', 'db', last)
  }
  const walNonEmpty = db.filter((f) => f.endsWith('.log') && statSync(path.join(source, 'logs', 'db', f)).size > 0).sort()
  return [
    { kind: 'vault', rel: 'vault.hearth' },
    { kind: 'unlock-attempts', rel: 'unlock-attempts' },
    { kind: 'own-log record', rel: LOG_LENGTHS_FILE },
    { kind: 'checkpoint', rel: path.join('checkpoints', `${groupId}.ckpt`) },
    { kind: 'checkpoints folder', rel: 'checkpoints' },
    { kind: 'node socket (stale)', rel: 'node.sock' },
    { kind: 'CURRENT', rel: path.join('logs', 'db', 'CURRENT') },
    { kind: 'MANIFEST', rel: newest(/^MANIFEST-\d+$/) },
    { kind: 'OPTIONS', rel: newest(/^OPTIONS-\d+$/) },
    { kind: 'LOCK', rel: path.join('logs', 'db', 'LOCK') },
    { kind: 'IDENTITY', rel: path.join('logs', 'db', 'IDENTITY') },
    { kind: 'write-ahead log (*.log)', rel: path.join('logs', 'db', walNonEmpty[walNonEmpty.length - 1] as string) },
    { kind: 'table (*.sst)', rel: newest(/\.sst$/) },
    { kind: 'blob (*.blob)', rel: newest(/\.blob$/) },
    { kind: 'logs/db folder', rel: path.join('logs', 'db') },
    { kind: 'logs folder', rel: 'logs' },
  ]
}

function damage(file: string, how: Damage): void {
  const st = lstatSync(file)
  if (how === 'delete' || how === 'folder') {
    rmSync(file, { recursive: true, force: true })
    if (how === 'folder') mkdirSync(file)
    return
  }
  if (st.isDirectory()) {
    // A folder cannot be cut or flipped: damage every file in it instead.
    for (const f of readdirSync(file)) damage(path.join(file, f), how)
    return
  }
  if (!st.isFile()) {
    rmSync(file)
    writeFileSync(file, 'not a socket')
    return
  }
  const bytes = readFileSync(file)
  if (how === 'truncate') return truncateSync(file, Math.floor(bytes.length / 2))
  if (bytes.length === 0) return writeFileSync(file, Buffer.from([0xff]))
  for (let i = Math.floor(bytes.length / 3); i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 7))) bytes[i] = (bytes[i] as number) ^ 0x5a
  writeFileSync(file, bytes)
}

/** sha256 of every file under `dir` (RocksDB's LOG files left out), by path relative to it. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (p: string): void => {
    const st = lstatSync(p)
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f))
    else if (st.isFile() && !/^LOG(\.old\.\d+)?$/.test(path.basename(p))) out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'))
  }
  if (existsSync(dir)) walk(dir)
  return out
}

/** Makes a copy look like the original to the own-log record, so only the damage is tested. */
async function copyOf(name: string, withSocket = false): Promise<string> {
  const dir = path.join(root, name)
  const socket = path.join(source, 'node.sock')
  cpSync(source, dir, { recursive: true, preserveTimestamps: true, filter: (p) => p !== socket })
  if (withSocket) await staleSocket(path.join(dir, 'node.sock'))
  const file = path.join(dir, LOG_LENGTHS_FILE)
  const rec = decodeLogLengths(new Uint8Array(readFileSync(file)), recordKey)
  writeFileSync(file, encodeLogLengths({ ...rec, storeId: await storeId(path.join(dir, 'logs', 'db')) }, recordKey))
  return dir
}

function feedTexts(run: CliRun): string[] | null {
  return run.code === 0 && Array.isArray(run.json) ? (run.json as { text: string }[]).map((p) => p.text).reverse() : null
}

const codeOf = (run: CliRun): string | null => (run.code === 0 ? null : ((run.json as { error?: { code?: string } } | undefined)?.error?.code ?? 'NO_CODE'))
const warned = (run: CliRun): boolean => /\[LOG_(BEHIND|UNCONFIRMED)\]/.test(run.stderr)

describe('the damage matrix: every file kind × delete, truncate, flip bits, replace with a folder', () => {
  it('gives a coded error or the right data, with 0 silent losses and 0 destroyed originals', async () => {
    const rows: string[] = []
    const silent: string[] = []
    const destroyed: string[] = []
    const cases = targets().flatMap((t) => DAMAGES.map((how) => ({ t, how })))
    // A few at a time: each case is two CLI processes that mostly wait on argon2 and on start-up.
    const queue = cases.map((c, i) => ({ ...c, i }))
    const worker = async (): Promise<void> => {
      for (let c = queue.shift(); c; c = queue.shift()) await runCase(c.t, c.how, c.i)
    }
    const runCase = async (t: { kind: string; rel: string }, how: Damage, i: number): Promise<void> => {
      const dir = await copyOf(`case-${i}`, t.rel === 'node.sock')
      const target = path.join(dir, t.rel)
      if (!existsSync(target) && how !== 'folder') return
      damage(target, how)
      const before = hashes(dir)
      const feed = await hearth(['feed', '--group', groupId, '--limit', '100'], dir)
      const afterFeed = hashes(dir)
      const texts = feedTexts(feed)
      // A failed open is checked whole above; a post is tried only where the feed opened.
      const post = texts === null ? null : await hearth(['post', '--group', groupId, '--text', 'written after the damage'], dir)
      const label = `${t.kind} / ${how}`
      const lost = texts !== null && POSTS.some((p) => !texts.includes(p))
      if (texts === null && !codeOf(feed)?.match(/^[A-Z_]+$/)) silent.push(`${label}: feed failed without a code: ${feed.stdout} ${feed.stderr}`)
      if (lost && !warned(feed)) silent.push(`${label}: feed shows ${texts?.length} of ${POSTS.length} posts and says nothing`)
      if (post && post.code === 0 && (lost || warned(feed))) silent.push(`${label}: a post was written while the device's own log was short`)
      if (post && post.code !== 0 && !codeOf(post)?.match(/^[A-Z_]+$/)) silent.push(`${label}: post failed without a code: ${post.stdout}`)
      // A command that failed must have changed nothing, except to keep a damaged file aside whole
      // (`<name>.damaged-<time>`) before writing a fresh one in its place (the unlock counter).
      // If the store opened and a read then hit the damage, RocksDB's recovery at open may have
      // moved the write-ahead log into a new table (its own work, data kept): then its bookkeeping
      // files and that log may differ, but no table or blob that was there, nor the damaged file.
      if (texts === null) {
        const now = new Set(afterFeed.values())
        const flushed = [...afterFeed.keys()].some((f) => f.endsWith('.sst') && !before.has(f))
        const bookkeeping = (f: string): boolean => /(^|\/)(CURRENT|MANIFEST-\d+|OPTIONS-\d+|SESSION_ID|IDENTITY|\d+\.log)$/.test(f) && f !== t.rel
        for (const [f, h] of before) {
          if (afterFeed.get(f) !== h && !now.has(h) && !(flushed && bookkeeping(f))) destroyed.push(`${label}: ${f} changed although feed failed`)
        }
        for (const f of afterFeed.keys()) {
          const keptAside = readdirSync(path.dirname(path.join(dir, f))).some((n) => n.startsWith(`${path.basename(f)}.damaged-`))
          if (!before.has(f) && !/\.damaged-\d+$/.test(f) && !keptAside && !(flushed && /\.(sst|blob|log)$|(MANIFEST|OPTIONS)-\d+$/.test(f))) destroyed.push(`${label}: ${f} appeared although feed failed`)
        }
      }
      // Posts that went missing must still be somewhere in the profile, byte for byte.
      if (lost) {
        const kept = new Set([...hashes(dir).values()])
        for (const [f, h] of before) if (/\.(log|sst|blob)$/.test(f) && !kept.has(h)) destroyed.push(`${label}: ${f} (a data file) is gone although posts are missing`)
      }
      rows[i] = `${label.padEnd(42)} feed: ${texts ? `${texts.length} posts${warned(feed) ? ' + warning' : ''}` : `${codeOf(feed)} (${((feed.json as { error?: { message?: string } } | undefined)?.error?.message ?? "").slice(0, 90)})`}; post: ${post ? (codeOf(post) ?? 'ok') : '-'}`
      rmSync(dir, { recursive: true, force: true })
      process.stdout.write(`${rows[i]}\n`)
    }
    await Promise.all([worker(), worker(), worker()])
    console.log(`damage matrix: ${rows.filter(Boolean).length} cases\nsilent losses: ${silent.length}, destroyed originals: ${destroyed.length}`)
    expect(silent).toEqual([])
    expect(destroyed).toEqual([])
  }, 1_500_000) // a hang guard only: about a minute on an idle two-core machine

  it('CURRENT removed then put back gives every post back', async () => {
    const dir = await copyOf('current-back')
    const current = path.join(dir, 'logs', 'db', 'CURRENT')
    const saved = readFileSync(current)
    rmSync(current)
    const before = hashes(dir)
    const missing = await hearth(['feed', '--group', groupId], dir)
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'LOG_CORRUPT' } })
    expect((missing.json as { error: { message: string } }).error.message).toMatch(/CURRENT/)
    expect(hashes(dir)).toEqual(before)
    writeFileSync(current, saved)
    const back = await hearth(['feed', '--group', groupId, '--limit', '100'], dir)
    expect(feedTexts(back)).toEqual(POSTS)
    expect(back.stderr).toBe('')
    expect(await hearth(['post', '--group', groupId, '--text', 'post 6'], dir)).toMatchObject({ code: 0 })
  })

  it('a write-ahead log cut in half: the damaged files are kept whole, the loss is said, and nothing is written over it', async () => {
    const dir = await copyOf('wal-cut')
    const db = path.join(dir, 'logs', 'db')
    const wal = readdirSync(db).filter((f) => f.endsWith('.log') && statSync(path.join(db, f)).size > 0).sort().pop() as string
    truncateSync(path.join(db, wal), Math.floor(statSync(path.join(db, wal)).size / 2))
    const before = hashes(path.join(dir, 'logs'))
    const feed = await hearth(['feed', '--group', groupId, '--limit', '100'], dir)
    const texts = feedTexts(feed) ?? []
    expect(texts.length).toBeLessThan(POSTS.length)
    expect(feed.stderr).toMatch(/\[LOG_BEHIND\]/)
    const kept = readdirSync(dir).find((f) => f.startsWith('damaged-store-')) as string
    expect(hashes(path.join(dir, kept))).toEqual(before)
    expect((await hearth(['post', '--group', groupId, '--text', 'at a freed index'], dir)).json).toMatchObject({ ok: false, error: { code: 'LOG_BEHIND' } })
    const status = await hearth(['group', 'status', '--group', groupId], dir)
    expect(status.json).toMatchObject({ ownLog: { state: 'behind', expected: expect.any(Number), damagedCopy: path.join(dir, kept) } })
  })
})
