/**
 * The anchors for scripts/bench/open.ts, in a fresh process of their own, on the same profile:
 * what the same work costs with no Hearth code in the way.
 *
 *   argon2id     one key derivation at the vault's defaults (what an unlock must pay)
 *   decrypt      sodium secretbox open of every block of every log of the group
 *   yjs apply    applying every Yjs update (kind 1) to plain Y.Docs, one transaction per doc
 *   yjs states   applying the 20 docs' full states to fresh Y.Docs (what a snapshot load costs)
 *   page         one first page read straight from the plain docs: the newest 20 posts
 *   peak RSS     the process's maximum resident set once every update is in the plain docs (plus
 *                one log's blocks at a time)
 *
 * Reading the blocks from disk is not timed: the anchor is the CPU floor, not the storage.
 */
import * as Y from 'yjs'
import { deriveKey } from '../../core/crypto/kdf.ts'
import { randomBytes } from '../../core/crypto/random.ts'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../core/store/log-store.ts'
import { Vault } from '../../core/store/vault.ts'

const [dir, passphrase, groupId, members] = process.argv.slice(2) as [string, string, string, string]
const NONCE = 24

const t0 = performance.now()
wipeLater(await deriveKey(passphrase, randomBytes(16)))
const argon2Ms = performance.now() - t0

const vault = new Vault(dir)
await vault.unlock(passphrase)
const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`) as Uint8Array)) as { log: string }
const key = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
const store = await LogStore.open(dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
const names = [meta.log, ...Array.from({ length: Number(members) - 1 }, (_, i) => `m-bench-${i + 1}`)]
const docs = new Map<string, Y.Doc>()
let decryptMs = 0
let applyMs = 0
// CPU time of the same steps (this process is single-threaded there): steadier than wall time under load.
let decryptCpuMs = 0
let applyCpuMs = 0
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
let blocks = 0
for (const name of names) {
  const log = await store.openDeviceLog(name)
  const raw: Uint8Array[] = []
  for (let i = 0; i < log.length; i++) raw.push(await log.get(i))
  blocks += raw.length
  let t = performance.now()
  let c = cpu()
  const plain = raw.map((b) => fastProvider.secretboxOpen(b.subarray(5 + NONCE), b.subarray(5, 5 + NONCE), key) as Uint8Array)
  decryptMs += performance.now() - t
  decryptCpuMs += cpu() - c
  const byDoc = new Map<string, Uint8Array[]>()
  for (const p of plain) {
    if (p[0] !== 1) continue
    const id = Buffer.from(p.subarray(2, 2 + (p[1] as number))).toString('latin1')
    const list = byDoc.get(id) ?? []
    list.push(p.subarray(2 + (p[1] as number)))
    byDoc.set(id, list)
  }
  t = performance.now()
  c = cpu()
  for (const [id, list] of byDoc) {
    const doc = docs.get(id) ?? new Y.Doc()
    docs.set(id, doc)
    doc.transact(() => { for (const u of list) Y.applyUpdate(doc, u) })
  }
  applyMs += performance.now() - t
  applyCpuMs += cpu() - c
}
await store.close()
// The memory anchor: the plain docs of every update (and one log's blocks at a time), nothing more.
const maxRssMB = process.resourceUsage().maxRSS / 1024

const states = [...docs.values()].map((d) => Y.encodeStateAsUpdate(d))
let t = performance.now()
const fresh = states.map((s) => {
  const d = new Y.Doc()
  Y.applyUpdate(d, s)
  return d
})
const statesMs = performance.now() - t

t = performance.now()
const newest: { at: number; m: Y.Map<unknown> }[] = []
for (const d of fresh) {
  for (const m of (d.getMap('posts') as Y.Map<Y.Map<unknown>>).values()) newest.push({ at: m.get('createdAt') as number, m })
}
newest.sort((a, b) => b.at - a.at)
const page = newest.slice(0, 20).map((p) => p.m.get('text'))
const pageMs = performance.now() - t
if (page.length !== 20) throw new Error('short page')

process.stdout.write(JSON.stringify({ argon2Ms, decryptMs, applyMs, decryptCpuMs, applyCpuMs, statesMs, pageMs, blocks, maxRssMB }))

function wipeLater(k: Uint8Array): void {
  k.fill(0)
}
