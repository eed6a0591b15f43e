/**
 * A member that rewrites its own signed history (issue 14, found 1), in its own process: admitted
 * by a real invite, online on the loopback testnet, writing through its real device log. On
 * command it truncates that log back to a block it wrote (Hypercore `truncate`, fork 0 → 1) and
 * appends something else at the same index — the move an honest node never makes.
 *
 * argv: profileDir host:port inviteCode. Prints `joined <memberId>`, then reads commands, one a
 * line, and answers each with one line:
 *   post <text>            an honest post                     → `posted <index>`
 *   promote <memberId>     role.change to facilitator         → `wrote <index>`
 *   rewrite-post <i> <text>   truncate to length i, then a post        → `rewritten <index> <fork>`
 *   rewrite-remove <i> <id>   truncate to length i, then member.remove → `rewritten <index> <fork>`
 * (Her node may have written more after block i, such as a key share; all of it goes.)
 * Each answer names the index the command's own block landed at, as the write returned it, not
 * the log's length after: her node may append a block of its own meanwhile (a removal makes it
 * rotate the epoch key, and a repair that wakes while the removal's rebuild runs writes that
 * rotation before the write returns).
 * Ends when stdin closes.
 */
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import type { HypercoreSession, KeyPair } from '../../../core/store/holepunch.ts'
import { answerLines, joinAsHostile } from './hostile-join.ts'

const [profileDir, bootstrap, code] = process.argv.slice(2) as [string, string, string]
const { vault, reg, groupId, space } = await joinAsHostile(profileDir, bootstrap, code, 'rewriting member passphrase', 'Mallory')
const me = space.me
// The device log's Hypercore and key pair: private to core, reached here only to attack.
const device = await reg.store.ownLog(Buffer.from(space.own.key, 'hex'))
const own = device as unknown as { core: HypercoreSession & { truncate(n: number, o: { keyPair: KeyPair }): Promise<void> }; keyPair: KeyPair }
// Mallory runs modified code: the guard that stops an honest device from ever contradicting a
// block it published (own-log-guard.ts) is switched off, as any rewriter would.
;(device as unknown as { guard: null }).guard = null
// Mallory answers no newcomer, so the newcomer's admission is an honest member's, never in her
// rewritten log (an admission there would be refused with everything after the freeze).
const online = (await reg.goOnline(groupId)) as unknown as { invites: { close(): Promise<void> } | null }
await online.invites?.close()
online.invites = null
process.stdout.write(`joined ${me}\n`)

async function post(text: string): Promise<void> {
  await space.change(memberDocId(me), (d) => void new MemberDoc(d, me).addPost({ topic: 'check-in', text, cw: null }, Date.now()))
}

async function truncateTo(length: number): Promise<void> {
  await space.idle()
  await own.core.truncate(length, { keyPair: own.keyPair })
}

answerLines(reg, vault, run)

async function run(line: string): Promise<void> {
  const [cmd, ...rest] = line.split(' ')
  const arg = rest.join(' ')
  const at = Number(rest[0])
  const after = rest.slice(1).join(' ')
  if (cmd === 'post') {
    await post(arg)
    process.stdout.write(`posted ${own.core.length - 1}\n`)
  } else if (cmd === 'promote') {
    const index = await space.writeGovernance({ v: 1, kind: 'role.change', group: groupId, author: me, at: Date.now(), seen: space.seen(), body: { member: arg, role: 'facilitator' } })
    process.stdout.write(`wrote ${index}\n`)
  } else if (cmd === 'rewrite-post') {
    await truncateTo(at)
    await post(after)
    process.stdout.write(`rewritten ${own.core.length - 1} ${own.core.fork}\n`)
  } else if (cmd === 'rewrite-remove') {
    await truncateTo(at)
    const index = await space.writeGovernance({ v: 1, kind: 'member.remove', group: groupId, author: me, at: Date.now(), seen: space.seen(), body: { member: after } })
    process.stdout.write(`rewritten ${index} ${own.core.fork}\n`)
  }
}
