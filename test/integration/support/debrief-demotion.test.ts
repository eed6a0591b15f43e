/**
 * Issue 8, "Must show": a demoted facilitator cannot read what is written in the debrief after
 * the demotion. Two nodes in two processes on a loopback testnet: Alder makes Birch a
 * facilitator (setRole), writes; Birch reads it. Alder makes Birch a member again and writes
 * once more. Birch's node receives that entry (as ciphertext) but, with the nodes stopped and
 * Birch's own profile opened with Birch's own keys, only the entry from before opens.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEBRIEF, holder } from '../../../core/group/debrief-handlers.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { readEntries } from '../../../core/model/debrief.ts'
import { Vault } from '../../../core/store/vault.ts'
import { startPeer } from '../../helpers/peer.ts'
import { PASS, useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast

describe('debrief across a demotion, two processes', () => {
  it('the demoted facilitator holds the later entry but cannot open it', async () => {
    const boot = await cast.testnet()
    const birchDir = path.join(tempDir(), 'birch')
    const a = await startPeer(path.join(tempDir(), 'alder'), boot)
    const b = await startPeer(birchDir, boot)
    cast.add(a, b)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const invite = await a.ok('createInvite', { groupId })
    await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    const birchId = (await b.ok('groupInfo', { groupId })).me
    await a.until(async () => (await a.ok('members', { groupId })).some((m) => m.id === birchId))

    await a.ok('setRole', { groupId, member: birchId, role: 'facilitator' })
    await b.until(async () => (await b.ok('groupInfo', { groupId })).role === 'facilitator')
    await a.ok('writeDebrief', { groupId, text: 'before the change' })
    await b.until(async () => (await b.ok('debrief', { groupId })).entries.some((e) => e.text === 'before the change'))
    expect((await b.ok('debrief', { groupId })).holders.sort()).toEqual(['Alder', 'Birch'])

    await a.ok('setRole', { groupId, member: birchId, role: 'member' })
    const after = await a.ok('writeDebrief', { groupId, text: 'after the change' })
    expect(after.holders).toEqual(['Alder'])
    expect(after.entries.map((e) => e.text)).toEqual(['before the change', 'after the change'])
    await b.until(async () => (await b.ok('groupInfo', { groupId })).role === 'member')
    await b.until(async () => (await b.ok('debrief', { groupId })).sealed === 2)
    expect(await b.ok('debrief', { groupId })).toMatchObject({ canRead: false, entries: [], holders: ['Alder'] })
    expect(await b.call('writeDebrief', { groupId, text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    await cast.stopAll()
    const vault = new Vault(birchDir)
    await vault.unlock(PASS)
    const reg = await GroupRegistry.open(vault, () => undefined, Date.now, null)
    const space = await reg.space(groupId)
    const doc = space.docs.doc(DEBRIEF)
    expect(doc.getArray('entries').length).toBe(2) // Birch's node holds both, sealed
    const opened = readEntries(doc, holder(space))
    expect(opened.entries.map((e) => e.text)).toEqual(['before the change'])
    expect(opened.sealed).toBe(1)
    await reg.lockNow()
    vault.lock()
  }, 120_000)
})
