/**
 * Child process for the acknowledged-then-killed test: makes a profile and a group through the
 * real service, posts `post <n>` for n = 1…count, and prints `ack <n> <wal file> <wal bytes>` as
 * each post call returns, with the write-ahead log's size just BEFORE that post was asked for.
 * After post `killAfter` it lets `turns` event-loop turns pass and kills itself with SIGKILL: the
 * hardest moment for a write told done, since nothing after the acknowledgement may run.
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { createService } from '../../../core/service.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const [dir, passphrase, countArg, killAfterArg, turnsArg] = process.argv.slice(2) as [string, string, string, string, string]
const svc = createService({ profileDir: dir, kdf: CHEAP_KDF })

const must = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
  const res = await r
  if (!res.ok) throw new Error(res.error.code)
  return res.value
}

/** The live write-ahead log: the newest `*.log` in logs/db, and its size now. */
function wal(): string {
  const db = path.join(dir, 'logs', 'db')
  const name = readdirSync(db).filter((f) => f.endsWith('.log')).sort().pop() as string
  return `${name} ${statSync(path.join(db, name)).size}`
}

await must(svc.createProfile({ passphrase, name: 'Alder' }))
const { id: groupId } = await must(svc.createGroup({ name: 'Circle' }))
process.stdout.write(`group ${groupId}\n`)
for (let n = 1; n <= Number(countArg); n++) {
  const before = wal()
  await must(svc.post({ groupId, text: `post ${n}` }))
  process.stdout.write(`ack ${n} ${before}\n`)
  if (n === Number(killAfterArg)) {
    for (let t = 0; t < Number(turnsArg); t++) await new Promise((r) => setImmediate(r))
    process.kill(process.pid, 'SIGKILL')
  }
}
await svc.close()
