/**
 * Child process for the posting crash test: unlocks a profile and posts `<prefix>-<n>` in a loop,
 * printing `ack <n>` once each post call has returned. Bounded in count and time.
 */
import { createService } from '../../../core/service.ts'

const [dir, passphrase, groupId, prefix] = process.argv.slice(2) as [string, string, string, string]
const svc = createService({ profileDir: dir })
const opened = await svc.unlock({ passphrase })
if (!opened.ok) throw new Error(opened.error.code)
process.stdout.write('ready\n')
const deadline = Date.now() + 30_000
for (let n = 0; n < 100_000 && Date.now() < deadline; n++) {
  const r = await svc.post({ groupId, text: `${prefix}-${n}` })
  if (!r.ok) throw new Error(r.error.code)
  process.stdout.write(`ack ${n}\n`)
}
