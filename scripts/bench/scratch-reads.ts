// scratch, not committed
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../core/store/log-store.ts'
import { Vault } from '../../core/store/vault.ts'
import { readRun } from '../../core/group/log-window.ts'
const [dir, passphrase, groupId] = process.argv.slice(2) as [string, string, string]
const vault = new Vault(dir)
await vault.unlock(passphrase)
const store = await LogStore.open(dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`) as Uint8Array)) as { log: string }
const own = await store.openDeviceLog(meta.log)
// find the peer keys from store dir? use governance-free route: list via sessions of member logs is hard; use own + names
const names = [meta.log, ...Array.from({ length: 19 }, (_, i) => `m-bench-${i + 1}`)]
const logs = await Promise.all(names.map((n) => store.openDeviceLog(n)))
const mode = process.argv[5]
const t = performance.now()
let n = 0, bytes = 0
for (const log of logs) {
  const core = (log as any).core
  if (mode === 'window') {
    for await (const [, b] of readRun(log, 0, () => log.length)) { n++; bytes += b.length }
  } else if (mode === 'rx') {
    for (let s = 0; s < core.length; s += 64) {
      const rx = core.state.storage.read()
      const ps = []
      for (let i = s; i < Math.min(core.length, s + 64); i++) ps.push(rx.getBlock(i))
      rx.tryFlush()
      for (const b of await Promise.all(ps)) { n++; bytes += b.length }
    }
  } else if (mode === 'rx1024') {
    for (let s = 0; s < core.length; s += 1024) {
      const rx = core.state.storage.read()
      const ps = []
      for (let i = s; i < Math.min(core.length, s + 1024); i++) ps.push(rx.getBlock(i))
      rx.tryFlush()
      for (const b of await Promise.all(ps)) { n++; bytes += b.length }
    }
  } else if (mode === 'stream') {
    for await (const b of core.state.storage.createBlockStream({ gte: 0, lt: core.length })) { n++; bytes += b.value.length }
  }
}
const cu = process.cpuUsage(); console.log(mode, n, bytes, (performance.now() - t).toFixed(0), 'ms cpu', ((cu.user + cu.system) / 1000).toFixed(0), 'rss', (process.resourceUsage().maxRSS / 1024).toFixed(0))
await store.close()
