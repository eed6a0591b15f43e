/**
 * Child process for the canary test: writes the given canary strings through every write path
 * the service has (profile name, group name, pseudonym, post, content warning, reply, edit, rules,
 * profile status change, personal doc, an archive export and a readable export, a restore into a second profile and a post from it), then
 * locks and exits. Run with TMPDIR pointing at a
 * folder the test scans too.
 */
import { createService } from '../../../core/service.ts'
import type { Result } from '../../../core/api.ts'

const [dir, passphrase, json, exportsDir, restoreDir] = process.argv.slice(2) as [string, string, string, string, string]
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
// Export: an archive (sealed: no canary may show in it) and a readable file the person asked for.
await ok(svc.exportGroup({ groupId, format: 'archive', path: `${exportsDir}/group.hearth`, archivePassphrase: c.archivePassphrase as string }))
await ok(svc.exportGroup({ groupId, format: 'html', path: `${exportsDir}/group.html` }))
await svc.close()
// Restore: the archive into a second profile, which then writes too.
const other = createService({ profileDir: restoreDir })
await ok(other.createProfile({ passphrase }))
await ok(other.restoreArchive({ path: `${exportsDir}/group.hearth`, archivePassphrase: c.archivePassphrase as string }))
await ok(other.post({ groupId, text: c.afterRestore as string }))
await other.close()
process.stdout.write('done\n')
