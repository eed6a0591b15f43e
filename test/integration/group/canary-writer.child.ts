/**
 * Child process for the canary test: writes the given canary strings through every write path
 * the service has (profile name, group name, pseudonym, post, content warning, reply, edit, rules,
 * profile status change, personal doc, a facilitator's moderation note, a decision's question and
 * option, a vote, a facilitation slot), then locks and exits. Run with TMPDIR pointing at a
 * folder the test scans too.
 */
import { createService } from '../../../core/service.ts'
import type { Result } from '../../../core/api.ts'

const [dir, passphrase, json] = process.argv.slice(2) as [string, string, string]
const c = JSON.parse(json) as Record<string, string>
async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const svc = createService({ profileDir: dir })
await ok(svc.createProfile({ passphrase, name: c.profileName as string }))
const { id: groupId } = await ok(svc.createGroup({ name: c.groupName as string, pseudonym: c.pseudonym as string }))
const post = await ok(svc.post({ groupId, text: c.post as string, cw: c.cw as string }))
const reply = await ok(svc.reply({ groupId, to: post.id, text: c.reply as string }))
await ok(svc.edit({ groupId, id: reply.id, text: c.edit as string }))
await ok(svc.react({ groupId, to: post.id, kind: 'strength' }))
await ok(svc.setRules({ groupId, text: c.rules as string }))
await ok(svc.setProfile({ groupId, pseudonym: c.newPseudonym as string }))
await ok(svc.writePersonal({ name: 'safety-plan', text: c.personal as string }))
await ok(svc.moderate({ groupId, to: post.id, action: 'hide', reason: 'other', note: c.moderationNote as string }))
const proposal = await ok(svc.propose({ groupId, text: c.proposal as string, options: [c.option as string, 'no'], closesAt: Date.now() + 3_600_000 }))
await ok(svc.vote({ groupId, proposal: proposal.id, option: 0 }))
const me = (await ok(svc.groupInfo({ groupId }))).me
await ok(svc.scheduleAdd({ groupId, member: me, from: Date.now(), to: Date.now() + 3_600_000 }))
await svc.close()
process.stdout.write('done\n')
