/**
 * Child process for the device-log crash and canary tests: opens a profile's log store, then
 * appends sealed blocks (three in flight at a time) whose payloads are `<prefix>#<n>|<padding>` (the prefix carries a canary), printing
 * `ack <index> <label>` as each append is acknowledged. Prints `ready` once the log is open and
 * `done` after `count` blocks. Bounded so a lost parent cannot leave it running.
 */
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { LogStore } from '../../../core/store/log-store.ts'

const [profile, logSecretHex, epochKeyHex, name, countArg, prefix] = process.argv.slice(2) as [string, string, string, string, string, string]
const epochKey = new Uint8Array(Buffer.from(epochKeyHex, 'hex'))
const store = await LogStore.open(profile, new Uint8Array(Buffer.from(logSecretHex, 'hex')))
const log = await store.openDeviceLog(name)
process.stdout.write('ready\n')

const count = Number(countArg)
const deadline = Date.now() + 30_000
let seq = 0
while (seq < count && Date.now() < deadline) {
  const round = [0, 1, 2].map(async () => {
    const label = `${prefix}#${seq++}`
    const padding = '.'.repeat((seq * 97) % 700)
    const payload = new TextEncoder().encode(`${label}|${padding}`)
    const index = await log.append(encodeBlock({ epoch: 1, kind: BlockKind.YjsUpdate, docId: 'member/crash', payload }, epochKey))
    process.stdout.write(`ack ${index} ${label}\n`)
  })
  await Promise.all(round)
}
await store.close()
process.stdout.write('done\n')
