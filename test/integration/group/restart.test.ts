/**
 * Restart survival: everything written through the service is there, identical, after the
 * process's service is closed and a new one opens the profile — first from the logs alone, then
 * from a checkpoint plus the logs' tail.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService, type HearthService } from '../../../core/service.ts'
import { CHECKPOINT_EVERY } from '../../../core/group/group-registry.ts'
import { checkpointPath } from '../../../core/store/checkpoint-file.ts'
import { ok, wholeFeed } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

async function snapshot(svc: HearthService, groupId: string) {
  return {
    groups: await ok(svc.listGroups({})),
    info: await ok(svc.groupInfo({ groupId })),
    feed: await wholeFeed(svc, groupId),
    members: await ok(svc.members({ groupId })),
    personal: await ok(svc.readPersonal({ name: 'safety-plan' })),
  }
}

async function reopen(dir: string): Promise<HearthService> {
  const svc = createService({ profileDir: dir })
  await ok(svc.unlock({ passphrase: PASS }))
  return svc
}

describe('restart survival', () => {
  it('keeps posts, replies, reactions, edits, deletions, rules, profile and personal docs', async () => {
    const dir = path.join(tempDir(), 'profile')
    const a = createService({ profileDir: dir })
    await ok(a.createProfile({ passphrase: PASS, name: 'Wren' }))
    const { id: groupId } = await ok(a.createGroup({ name: 'Thursday circle', mode: 'facilitated' }))
    const first = await ok(a.post({ groupId, text: 'first words', cw: 'mentions a hard night', topic: 'story' }))
    const second = await ok(a.post({ groupId, text: 'to be deleted' }))
    const reply = await ok(a.reply({ groupId, to: first.id, text: 'a reply' }))
    await ok(a.reply({ groupId, to: reply.id, text: 'a nested reply' }))
    await ok(a.react({ groupId, to: first.id, kind: 'believe' }))
    await ok(a.react({ groupId, to: reply.id, kind: 'thanks' }))
    await ok(a.edit({ groupId, id: first.id, text: 'first words, edited' }))
    await ok(a.remove({ groupId, id: second.id }))
    await ok(a.setRules({ groupId, text: 'What is shared here stays here.' }))
    await ok(a.setProfile({ groupId, status: 'stepping-back' }))
    await ok(a.writePersonal({ name: 'safety-plan', text: 'bag at the neighbour’s' }))
    const before = await snapshot(a, groupId)
    await a.close()

    expect(before.feed).toHaveLength(1)
    expect(before.feed[0]).toMatchObject({ text: 'first words, edited', cw: 'mentions a hard night', replyCount: 2, reactions: { believe: 1 } })
    expect(before.info).toMatchObject({ name: 'Thursday circle', mode: 'facilitated', role: 'facilitator', rules: { version: 1 } })
    expect(before.members[0]).toMatchObject({ pseudonym: 'Wren', status: 'stepping-back', acceptedRules: 1 })

    const b = await reopen(dir)
    expect(await snapshot(b, groupId)).toEqual(before)
    await b.close()
  })

  it('opens from a checkpoint plus the tail and shows the same views', async () => {
    const dir = path.join(tempDir(), 'profile')
    const a = createService({ profileDir: dir })
    await ok(a.createProfile({ passphrase: PASS, name: 'Ash' }))
    const { id: groupId } = await ok(a.createGroup({ name: 'Big group' }))
    for (let i = 0; i < CHECKPOINT_EVERY + 20; i++) await ok(a.post({ groupId, text: `post ${i}` }))
    await a.close()
    expect(existsSync(checkpointPath(dir, groupId))).toBe(true)

    const b = await reopen(dir)
    await ok(b.post({ groupId, text: 'written after the checkpoint' }))
    const viaCheckpoint = await snapshot(b, groupId)
    await b.close()
    expect(viaCheckpoint.feed).toHaveLength(CHECKPOINT_EVERY + 21)
    expect(viaCheckpoint.feed[0]?.text).toBe('written after the checkpoint')

    const c = await reopen(dir)
    expect(await snapshot(c, groupId)).toEqual(viaCheckpoint)
    await c.close()
  })
})
