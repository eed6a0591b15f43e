/**
 * The anchor for scripts/bench/many-groups.ts, in its own process (--expose-gc): every Yjs update
 * of ONE group applied to plain Y.Docs, one transaction per doc, nothing else kept. Heap and RSS
 * after a full GC (less the process's own before the group was read), as JSON.
 */
import * as Y from 'yjs'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../core/store/log-store.ts'
import { Vault } from '../../core/store/vault.ts'

const [dir, passphrase, groupId, members, tag] = process.argv.slice(2) as [string, string, string, string, string]
const NONCE = 24
const gc = (globalThis as { gc?: () => void }).gc as () => void

function settled(): { heapMB: number; rssMB: number } {
  for (let i = 0; i < 3; i++) gc()
  const m = process.memoryUsage()
  return { heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 }
}

const vault = new Vault(dir)
await vault.unlock(passphrase)
const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`) as Uint8Array)) as { log: string }
const key = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
const store = await LogStore.open(dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
const base = settled()
const docs = new Map<string, Y.Doc>()
for (const name of [meta.log, ...Array.from({ length: Number(members) - 1 }, (_, i) => `m-bench-${tag}${i + 1}`)]) {
  const log = await store.openDeviceLog(name)
  const byDoc = new Map<string, Uint8Array[]>()
  for (let i = 0; i < log.length; i++) {
    const b = await log.get(i)
    const p = fastProvider.secretboxOpen(b.subarray(5 + NONCE), b.subarray(5, 5 + NONCE), key) as Uint8Array
    if (p[0] !== 1) continue
    const id = Buffer.from(p.subarray(2, 2 + (p[1] as number))).toString('latin1')
    byDoc.set(id, [...(byDoc.get(id) ?? []), p.subarray(2 + (p[1] as number)).slice()])
  }
  for (const [id, list] of byDoc) {
    const doc = docs.get(id) ?? new Y.Doc()
    docs.set(id, doc)
    doc.transact(() => { for (const u of list) Y.applyUpdate(doc, u) })
  }
}
await store.close()
const held = settled()
if (docs.size === 0) throw new Error('no docs')
process.stdout.write(JSON.stringify({ heapMB: held.heapMB - base.heapMB, rssMB: held.rssMB - base.rssMB, docs: docs.size }))
