/**
 * One member's device log run on two machines (issue 14, two trees at one fork), in its own
 * process: it opens a profile rewrite-member.child.ts made (Mallory's), or a copy of that folder
 * made while it was locked, and writes through the same device log key as the other copy. Its
 * own-log guard is switched off, as a writer doing this on purpose would; a copy says "continue
 * here" first. Neither copy ever truncates: the two versions share one fork id.
 *
 * argv: profileDir host:port groupId. Prints `ready <log length>`, then reads commands, one a
 * line, answering each with one line:
 *   post <text>   an honest-looking post → `posted <index>`
 * Ends when stdin closes.
 */
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { Vault } from '../../../core/store/vault.ts'
import { answerLines } from './hostile-join.ts'

const [profileDir, bootstrap, groupId] = process.argv.slice(2) as [string, string, string]
const [host, port] = bootstrap.split(':') as [string, string]
const vault = new Vault(profileDir)
await vault.unlock('rewriting member passphrase')
const reg = await GroupRegistry.open(vault, () => undefined, Date.now, { bootstrap: [{ host, port: Number(port) }], host: '127.0.0.1' })
const space = await reg.space(groupId)
const me = space.me
await reg.store.continueHere(reg.meta(groupId).log)
const device = await reg.store.ownLog(Buffer.from(space.own.key, 'hex'))
;(device as unknown as { guard: null }).guard = null
const online = (await reg.goOnline(groupId)) as unknown as { invites: { close(): Promise<void> } | null }
await online.invites?.close()
online.invites = null
process.stdout.write(`ready ${space.own.length}\n`)

answerLines(reg, vault, run)

async function run(line: string): Promise<void> {
  const [cmd, ...rest] = line.split(' ')
  if (cmd !== 'post') throw new Error(`unknown command ${cmd}`)
  await space.change(memberDocId(me), (d) => void new MemberDoc(d, me).addPost({ topic: 'check-in', text: rest.join(' '), cw: null }, Date.now()))
  process.stdout.write(`posted ${space.own.length - 1}\n`)
}
