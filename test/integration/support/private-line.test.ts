/**
 * Issue 17, "Must show": the private line between a member and the facilitators, and a former
 * facilitator reading nothing new. Three nodes in three processes on a loopback testnet: Cedar
 * (a member) writes to the facilitators; Birch (a facilitator) reads it and answers; Cedar reads
 * the answer. Alder makes Birch a member; Cedar writes again and Alder answers. Birch's node
 * receives both as ciphertext but, opened afterwards with Birch's own keys, only what was written
 * while Birch facilitated opens. Also across these nodes: a member's invite in a new group waits
 * for a facilitator, the facilitators see who made it, and once the group says "facilitators
 * only" a member's invite is refused by every node.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { holder } from '../../../core/group/sealed-key.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { lineDocId } from '../../../core/model/doc-id.ts'
import { readLine } from '../../../core/model/private-line.ts'
import { Vault } from '../../../core/store/vault.ts'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { PASS, useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast

describe('private line to the facilitators, three processes', () => {
  it.each([
    ['started in order', false, false],
    ['started in reverse, under a CPU hog on every core', true, true],
  ])('member writes, facilitator reads and answers, member reads; a former facilitator reads nothing new (%s)', async (_name, reverse, loaded) => {
    const boot = await cast.testnet()
    if (loaded) cast.loadCpu()
    const birchDir = path.join(tempDir(), 'birch')
    const dirs = [path.join(tempDir(), 'alder'), birchDir, path.join(tempDir(), 'cedar')]
    const started: Peer[] = []
    for (const d of reverse ? [...dirs].reverse() : dirs) started.push(await startPeer(d, boot))
    const [a, b, c] = (reverse ? [...started].reverse() : started) as [Peer, Peer, Peer]
    cast.add(a, b, c)
    await Promise.all([
      a.ok('createProfile', { passphrase: PASS, name: 'Alder' }), b.ok('createProfile', { passphrase: PASS, name: 'Birch' }),
      c.ok('createProfile', { passphrase: PASS, name: 'Cedar' }),
    ])
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    expect(await a.ok('groupInfo', { groupId })).toMatchObject({ invitePolicy: 'members-approved', invitePolicyChosen: true, groupExport: 'facilitators' })
    const invite = await a.ok('createInvite', { groupId, uses: 2 })
    await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    await c.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    const birchId = (await b.ok('groupInfo', { groupId })).me
    const cedarId = (await c.ok('groupInfo', { groupId })).me
    await a.until(async () => (await a.ok('members', { groupId })).length === 3)
    await a.ok('setRole', { groupId, member: birchId, role: 'facilitator' })
    await b.until(async () => (await b.ok('groupInfo', { groupId })).role === 'facilitator')
    await c.until(async () => (await c.ok('members', { groupId })).some((m) => m.id === birchId && m.role === 'facilitator'))

    // A member's invite waits for a facilitator, and the facilitators see who made it.
    // Asked without approval (as an old form would), it is made with it: the group's rule holds.
    const byCedar = await c.ok('createInvite', { groupId, approval: false })
    await a.until(async () => (await a.ok('listInvites', { groupId })).some((i) => i.id === byCedar.id))
    expect((await a.ok('listInvites', { groupId })).find((i) => i.id === byCedar.id)).toMatchObject({ by: cedarId, byName: 'Cedar', byRole: 'member', needsApproval: true })
    // Facilitators only: Cedar's node writes the invite and refuses it itself, and so does every
    // other node once the block arrives.
    await a.ok('updateSettings', { groupId, invitePolicy: 'facilitators' })
    await c.until(async () => (await c.ok('groupInfo', { groupId })).invitePolicy === 'facilitators')
    expect(await c.call('createInvite', { groupId, approval: true })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    const blocks = async (p: Peer): Promise<number> => (await p.ok('groupStatus', { groupId })).blocks
    await a.until(async () => (await blocks(a)) === (await blocks(c)) && (await blocks(b)) === (await blocks(c)))
    for (const p of [a, b, c]) expect((await p.ok('listInvites', { groupId })).filter((i) => i.by === cedarId).map((i) => i.id)).toEqual([byCedar.id])

    await c.ok('writePrivateLine', { groupId, text: 'my post was hidden, can we talk?', topic: 'hidden-post' })
    await b.until(async () => (await b.ok('privateLines', { groupId })).some((l) => l.member === cedarId && l.awaitingAnswer))
    await b.ok('answerPrivateLine', { groupId, member: cedarId, text: 'of course, it is waiting for review' })
    await c.until(async () => (await c.ok('privateLine', { groupId })).messages.length === 2)
    const line = await c.ok('privateLine', { groupId })
    expect(line.messages.map((m) => [m.byName, m.fromFacilitator, m.text])).toEqual([
      ['Cedar', false, 'my post was hidden, can we talk?'], ['Birch', true, 'of course, it is waiting for review'],
    ])
    expect(await a.call('privateLines', { groupId })).toMatchObject({ ok: true })

    await a.ok('setRole', { groupId, member: birchId, role: 'member' })
    await c.until(async () => (await c.ok('members', { groupId })).some((m) => m.id === birchId && m.role === 'member'))
    await c.ok('writePrivateLine', { groupId, text: 'and a safety check please', topic: 'safety-check' })
    await a.until(async () => (await a.ok('privateLines', { groupId })).some((l) => l.messages.length === 3))
    await a.ok('answerPrivateLine', { groupId, member: cedarId, text: 'I will call you tonight' })
    await c.until(async () => (await c.ok('privateLine', { groupId })).messages.length === 4)
    expect((await c.ok('privateLine', { groupId })).holders).toEqual(['Alder'])
    expect(await b.call('privateLines', { groupId })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    // Birch's node holds every block the others read (the same count), then is stopped and opened
    // with Birch's own keys.
    await b.until(async () => (await blocks(b)) === (await blocks(a)) && (await blocks(c)) === (await blocks(a)))
    await cast.stopAll()
    const vault = new Vault(birchDir)
    await vault.unlock(PASS)
    const reg = await GroupRegistry.open(vault, () => undefined, Date.now, null)
    const space = await reg.space(groupId)
    const doc = space.docs.doc(lineDocId(cedarId))
    const opened = readLine(doc, holder(space))
    expect(opened.entries.map((e) => e.text)).toEqual(['my post was hidden, can we talk?', 'of course, it is waiting for review'])
    expect(doc.getArray('entries').length).toBe(4)
    expect(opened.sealed).toBe(2)
    await reg.lockNow()
    vault.lock()
  }, 300_000)
})
