/**
 * A member who answers every newcomer with a made-up final refusal (issue 14), in its own
 * process: admitted by a real invite, online on the loopback testnet with Hearth's own node, which
 * announces the group's live invites as any member's does; only its answer is changed, to
 * "refused: INVITE_EXPIRED" whatever the invite's state. Prints `joined <memberId>`, then
 * `refused` for each answer it gives. Commands on stdin, one a line, each answered with one line:
 *   offline   leaves the group's topics and the invites' (→ `offline`)
 *   online    comes back, answering as before (→ `online`)
 * argv: profileDir host:port inviteCode. Ends when stdin closes.
 */
import type { JoinAnswer } from '../../../core/net/join-exchange.ts'
import { answerLines, joinAsHostile } from './hostile-join.ts'

const [profileDir, bootstrap, code] = process.argv.slice(2) as [string, string, string]
const { vault, reg, groupId, space } = await joinAsHostile(profileDir, bootstrap, code, 'refusing member passphrase', 'Mallory')

type Answering = { decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer | null> }
async function online(): Promise<void> {
  // Private to core, reached here only to attack: the answering half of her invite hosting.
  const o = (await reg.goOnline(groupId)) as unknown as { invites: { answering: Answering } | null }
  if (!o.invites) throw new Error('no invite hosting')
  o.invites.answering.decide = async () => {
    process.stdout.write('refused\n')
    return { status: 'refused', code: 'INVITE_EXPIRED' }
  }
}

await online()
process.stdout.write(`joined ${space.me}\n`)

answerLines(reg, vault, async (line) => {
  if (line === 'offline') {
    await reg.goOffline(groupId)
    process.stdout.write('offline\n')
  } else if (line === 'online') {
    await online()
    process.stdout.write('online\n')
  }
})
