/**
 * A stock Hyperswarm peer: plain `hyperswarm` and plain `corestore`, none of Hearth's network or
 * store code. It joins the group topic (as someone who learned it would), replicates its whole
 * store on every connection the ordinary way, and asks for the given log keys.
 *
 * Prints: ready, connection / closed for each connection, block {log, index} if it ever gets
 * one (it must not).
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { emit, exitOnSignal, unhex } from './net-fixture.ts'

interface Core {
  ready(): Promise<void>
  get(index: number): Promise<Uint8Array>
  on(event: 'download', fn: (index: number) => void): void
  download(range: { start: number; end: number }): unknown
}
interface Stream {
  on(event: 'error' | 'close', fn: () => void): void
}

const require = createRequire(import.meta.url)
const Hyperswarm = require('hyperswarm')
const HyperDHT = require('hyperdht')
const Corestore = require('corestore')

const config = JSON.parse(process.argv[2] as string) as { bootstrap: unknown; dir: string; topic: string; keys: string[] }
const store = new Corestore(path.join(config.dir, 'stock'))
await store.ready()

for (const key of config.keys) {
  const core = store.get({ key: unhex(key) }) as Core
  await core.ready()
  core.on('download', (index) => emit({ ev: 'block', log: key, index }))
  core.download({ start: 0, end: -1 })
  core.get(0).then(() => emit({ ev: 'block', log: key, index: 0 }), () => undefined)
}

const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: config.bootstrap, host: '127.0.0.1' }) })
swarm.on('connection', (conn: Stream) => {
  emit({ ev: 'connection' })
  conn.on('error', () => undefined)
  conn.on('close', () => emit({ ev: 'closed' }))
  store.replicate(conn)
})
swarm.join(unhex(config.topic), { server: true, client: true })

exitOnSignal(async () => {
  await swarm.destroy()
  await store.close()
})
emit({ ev: 'ready' })
