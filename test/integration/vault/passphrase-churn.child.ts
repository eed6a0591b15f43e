/**
 * Child process for the crash test: unlocks a vault, then changes its passphrase back and forth
 * between two values until it is killed, printing `now A` / `now B` each time a change has been
 * acknowledged (the promise resolved). Bounded so a lost parent cannot leave it running.
 * Arguments: profile folder, passphrase A, passphrase B, the one it opens with, argon2id cost (JSON).
 */
import { Vault } from '../../../core/store/vault.ts'

const [dir, passA, passB, start, kdf] = process.argv.slice(2) as [string, string, string, 'A' | 'B', string]
const pass = { A: passA, B: passB }
// The test's argon2id cost (crash-passphrase.test.ts says why), for the wrappers this process writes.
const vault = new Vault(dir, { kdf: JSON.parse(kdf) as { opslimit: number; memlimit: number } })
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
