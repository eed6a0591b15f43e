/**
 * Child process for the canary test: writes the given canary strings through every write path
 * the service has (profile name, group name, pseudonym, post, content warning, reply, edit, rules,
 * profile status change, personal doc, leaving a group), then enough posts that the group's log
 * gets a shared checkpoint (core/group/shared-checkpoint.ts: the member doc, canaries included,
 * written again as one sealed block) and tail indexes after it (core/group/tail-index.ts), an archive export and a readable export, a restore into a
 * second profile and a post from it, a facilitator's moderation note, a decision's question and
 * option, a vote, a facilitation slot, then — through the registry, since one offline profile has
 * nobody to remove — a removal with its epoch rotation (a new key in the vault), a role change and
 * a post under the new epoch; then locks and exits. It prints the group id for the test to look
 * there. Run with TMPDIR pointing at a folder the test scans too. Both profiles' vaults (and so
 * the archive, which takes the service's cost) use argon2id's lowest cost (CHEAP_KDF): what they
 * write is the same at any cost, and the passphrase is still a canary.
 */
import { createService } from '../../../core/service.ts'
import type { Result } from '../../../core/api.ts'
import { SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { TAIL_INDEX_EVERY } from '../../../core/group/tail-index.ts'
import { Vault } from '../../../core/store/vault.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { generateIdentity } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { changeRole, removeMember } from '../../../core/group/membership.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const [dir, passphrase, json, exportsDir, restoreDir, exportDir] = process.argv.slice(2) as [string, string, string, string, string, string]
const c = JSON.parse(json) as Record<string, string>
async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const svc = createService({ profileDir: dir, kdf: CHEAP_KDF })
await ok(svc.createProfile({ passphrase, name: c.profileName as string }))
const { id: groupId } = await ok(svc.createGroup({ name: c.groupName as string, pseudonym: c.pseudonym as string }))
const post = await ok(svc.post({ groupId, text: c.post as string, cw: c.cw as string }))
const reply = await ok(svc.reply({ groupId, to: post.id, text: c.reply as string }))
await ok(svc.edit({ groupId, id: reply.id, text: c.edit as string }))
await ok(svc.react({ groupId, to: post.id, kind: 'strength' }))
await ok(svc.setRules({ groupId, text: c.rules as string }))
await ok(svc.setProfile({ groupId, pseudonym: c.newPseudonym as string }))
await ok(svc.writePersonal({ name: 'safety-plan', text: c.personal as string }))
// Support features (issue 8): every write path, personal and shared.
const s = (k: string): string => c[k] as string
await ok(svc.saveSafetyPlan({ sections: { warningSigns: s('planWarning'), safePlaces: s('planPlace'), peopleToCall: s('planPeople'), documents: s('planDocs'), goBag: s('planBag'), codeWords: s('planCode') } }))
const entry = await ok(svc.saveJournalEntry({ occurredAt: '2026-11-20T21:00', what: s('journalWhat'), witnesses: s('journalWitness'), evidence: s('journalEvidence') }))
await ok(svc.saveJournalEntry({ id: entry.id, occurredAt: '2026-11-20T21:30', what: s('journalEdit') }))
await ok(svc.setTrainingProgress({ moduleId: 'self-care', completed: true, notes: s('trainingNotes') }))
await ok(svc.shareTraining({ groupId, share: true }))
await ok(svc.checkIn({ mood: 'low', note: s('checkInPrivate') }))
await ok(svc.checkIn({ mood: 'okay', note: s('checkInShared'), shareWith: [groupId] }))
await ok(svc.setProfile({ groupId, status: 'stepping-back' }))
const base = { category: 'legal' as const, region: s('resourceRegion'), contact: s('resourceContact'), url: null, notes: s('resourceNotes') }
const suggestion = await ok(svc.suggestResource({ groupId, ...base, name: s('suggestion') }))
await ok(svc.addResource({ groupId, ...base, name: s('resource'), fromSuggestion: suggestion.id }))
const me = (await ok(svc.groupInfo({ groupId }))).me
const meeting = await ok(svc.saveMeeting({ groupId, title: s('meetingTitle'), mode: 'in-person', startsAt: Date.now(), minutes: 60, place: s('meetingPlace'), facilitator: me, agenda: s('meetingAgenda') }))
await ok(svc.rsvp({ groupId, meetingId: meeting.id, answer: 'yes' }))
await ok(svc.writeDebrief({ groupId, text: s('debrief') }))
// Issue 17: the private line (sealed twice), the last-read position and the presence choice (personal).
await ok(svc.writePrivateLine({ groupId, text: s('lineMessage'), topic: 'concern' }))
await ok(svc.markRead({ groupId }))
await ok(svc.setPresence({ groupId, hidden: true }))
// Readable copies go to the folder the person picked (outside the scanned profile and temp folders).
await ok(svc.exportSafetyPlan({ path: `${exportDir}/plan.txt` }))
await ok(svc.exportJournal({ path: `${exportDir}/journal.txt` }))
await ok(svc.exportMeeting({ groupId, meetingId: meeting.id, path: `${exportDir}/meeting.ics` }))
const { id: leftGroup } = await ok(svc.createGroup({ name: c.leftGroupName as string }))
await ok(svc.updateSettings({ groupId: leftGroup, removalNeedsSecond: true }))
await ok(svc.leaveGroup({ groupId: leftGroup }))
// The filler only makes the log long enough; its path is the canary post's. Posted FILL_AT_ONCE at
// a time, so the own-log record's writes (each a sealed file fsynced and renamed) coalesce as they
// do for any calls that overlap: one post at a time spent half the child's CPU and most of its
// wall time here, in a thousand fsync pairs.
const FILL_AT_ONCE = 50
// Past the checkpoint by two index spacings, so its tail gets a tail index (core/group/tail-index.ts) too.
const FILL = SHARED_CHECKPOINT_MIN + 2 * TAIL_INDEX_EVERY + 50
for (let i = 0; i < FILL; i += FILL_AT_ONCE) {
  await Promise.all(Array.from({ length: Math.min(FILL_AT_ONCE, FILL - i) }, (_, j) => ok(svc.post({ groupId, text: `filler ${i + j}` }))))
}
process.stdout.write(`group ${groupId}\n`)
// Export: an archive (sealed: no canary may show in it) and a readable file the person asked for.
await ok(svc.exportGroup({ groupId, format: 'archive', path: `${exportsDir}/group.hearth`, archivePassphrase: c.archivePassphrase as string }))
await ok(svc.exportGroup({ groupId, format: 'html', path: `${exportsDir}/group.html` }))
await ok(svc.moderate({ groupId, to: post.id, action: 'hide', reason: 'other', note: c.moderationNote as string }))
const proposal = await ok(svc.propose({ groupId, text: c.proposal as string, options: [c.option as string, 'no'], closesAt: Date.now() + 3_600_000 }))
await ok(svc.vote({ groupId, proposal: proposal.id, option: 0 }))
await ok(svc.scheduleAdd({ groupId, member: me, from: Date.now(), to: Date.now() + 3_600_000 }))
await svc.close()
// Restore: the archive into a second profile, which then writes too.
const other = createService({ profileDir: restoreDir, kdf: CHEAP_KDF })
await ok(other.createProfile({ passphrase }))
await ok(other.restoreArchive({ path: `${exportsDir}/group.hearth`, archivePassphrase: c.archivePassphrase as string }))
await ok(other.post({ groupId, text: c.afterRestore as string }))
await other.close()

const vault = new Vault(dir)
await vault.unlock(passphrase)
const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
const space = await reg.space(groupId)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const admitted: string[] = []
for (const name of [c.removedName as string, c.roleName as string]) {
  const who = generateIdentity()
  await space.writeGovernance({
    v: 1, kind: 'member.admit', group: groupId, author: space.me, at: Date.now(), seen: space.seen(),
    body: { member: { id: hex(who.signPublicKey), boxKey: hex(who.boxPublicKey), device: hex(randomBytes(32)), pseudonym: name }, role: 'member', epochs: space.heldEpochs() },
  })
  admitted.push(hex(who.signPublicKey))
}
await removeMember(space, admitted[0] as string, Date.now)
if (space.currentEpoch === 0) throw new Error('the removal did not rotate the epoch')
await changeRole(space, admitted[1] as string, 'facilitator', undefined, Date.now)
await space.change(memberDocId(space.me), (d) => new MemberDoc(d, space.me).addPost({ topic: 'story', text: c.afterRotation as string, cw: null }, Date.now()))
await reg.lockNow()
process.stdout.write('done\n')
