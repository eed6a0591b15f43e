/**
 * The opening every hostile child process shares: a fresh profile in `profileDir`, a group
 * registry on the loopback testnet at `bootstrap` (`host:port`), and a real invite `code` used
 * to join as `name`. Throws unless admitted. What the child does next is its own attack;
 * `endOnStdinClose` is how most end.
 */
import readline from 'node:readline'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { Vault } from '../../../core/store/vault.ts'

export async function joinAsHostile(profileDir: string, bootstrap: string, code: string, passphrase: string, name: string) {
  const [host, port] = bootstrap.split(':') as [string, string]
  const vault = new Vault(profileDir)
  await vault.create(passphrase)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now, { bootstrap: [{ host, port: Number(port) }], host: '127.0.0.1' })
  const { groupId, status } = await reg.invitations.join(code, name, 60_000)
  if (status !== 'admitted') throw new Error(`not admitted: ${status}`)
  const space = await reg.space(groupId)
  return { vault, reg, groupId, space }
}

/** Locks and exits when the test closes stdin, or after `maxMs` if it never does. */
export function endOnStdinClose(reg: GroupRegistry, vault: Vault, maxMs: number): void {
  const stop = setTimeout(() => void finish(), maxMs)
  readline.createInterface({ input: process.stdin }).on('close', () => void finish())
  async function finish(): Promise<void> {
    clearTimeout(stop)
    await reg.lockNow()
    vault.lock()
    process.exit(0)
  }
}

/**
 * Runs `run` on each line of stdin, one at a time; a failure is answered `error <message>`.
 * Locks and exits once stdin closes and the last command is done.
 */
export function answerLines(reg: GroupRegistry, vault: Vault, run: (line: string) => Promise<void>): void {
  const commands = readline.createInterface({ input: process.stdin })
  let queue: Promise<unknown> = Promise.resolve()
  commands.on('line', (line) => {
    queue = queue.then(() => run(line)).catch((e: unknown) => process.stdout.write(`error ${String(e)}\n`))
  })
  commands.on('close', () => void queue.then(async () => {
    await reg.lockNow()
    vault.lock()
    process.exit(0)
  }))
}
