/**
 * Child process for the crash test: unlocks a vault, then changes its passphrase back and forth
 * between two values until it is killed, printing `now A` / `now B` each time a change has been
 * acknowledged (the promise resolved). Bounded so a lost parent cannot leave it running.
 */
import { Vault } from '../../../core/store/vault.ts'

const [dir, passA, passB, start] = process.argv.slice(2) as [string, string, string, 'A' | 'B']
const pass = { A: passA, B: passB }
const vault = new Vault(dir)
let current = start
await vault.unlock(pass[current])
process.stdout.write('ready\n')
const deadline = Date.now() + 30_000
for (let i = 0; i < 10_000 && Date.now() < deadline; i++) {
  const next = current === 'A' ? 'B' : 'A'
  await vault.changePassphrase(pass[current], pass[next])
  current = next
  process.stdout.write(`now ${current}\n`)
}
