/**
 * Issue 8, "Must show": personal data never reaches another peer, and the debrief space is closed
 * to a member who is not a facilitator. Two nodes in two processes on a loopback testnet: Alder
 * (facilitator) writes through every support feature — personal ones (safety plan, journal, a
 * check-in not shared, training notes) and shared ones (a shared check-in, training shared,
 * the directory, a meeting, the debrief) — and Birch (a member, joined by code) does the same
 * with what a member may. Both nodes are then stopped, and every block Birch's profile holds
 * is opened with Birch's own keys: the shared canaries are there (so the check can see), no
 * personal canary is, no block was a personal doc, and Alder's personal log is not in Birch's
 * store at all.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBlock, BlockKind } from '../../../core/store/block-codec.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { PERSONAL_LOG } from '../../../core/store/personal-docs.ts'
import { Vault } from '../../../core/store/vault.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import { makeCanary } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from '../sync/peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

/** Every plaintext payload of every block in every log a profile holds for a group, opened with its own keys. */
async function everyPayload(profileDir: string, groupId: string): Promise<{ payloads: { docId: string; bytes: Buffer }[]; store: LogStore; vault: Vault }> {
  const vault = new Vault(profileDir)
  await vault.unlock(PASS)
  const registry = await GroupRegistry.open(vault, () => undefined, Date.now, null)
  const space = await registry.space(groupId)
  const logs = space.governance.deviceLogs()
  const epochs = new Map<number, Uint8Array>()
  for (const n of vault.names()) {
    const m = new RegExp(`^group/${groupId}/epoch/(\\d+)$`).exec(n)
    if (m) epochs.set(Number(m[1]), (vault.get(n) as Uint8Array).slice())
  }
  const payloads: { docId: string; bytes: Buffer }[] = []
  for (const key of logs) {
    const log = await registry.store.openPeerLog(Buffer.from(key, 'hex'))
    for (let i = 0; i < log.length; i++) {
      const raw = await log.get(i)
      if (!raw) continue
      const b = decodeBlock(raw, (e) => epochs.get(e))
      payloads.push({ docId: b.kind === BlockKind.YjsUpdate ? b.docId : `kind-${b.kind}`, bytes: Buffer.from(b.payload) })
    }
  }
  await registry.lockNow()
  const store = await LogStore.open(profileDir, vault.subkey(LOG_STORE_KEY_PURPOSE))
  return { payloads, store, vault }
}

describe('support features across two peers', () => {
  it('personal data stays on its device; shared data arrives; a member cannot read or write the debrief', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'alder'), b: path.join(tempDir(), 'birch') }
    const a = await scene.start(dirs.a, boot)
    const b = await scene.start(dirs.b, boot)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const invite = await a.ok('createInvite', { groupId })
    expect(await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })

    const personal = Object.fromEntries(['plan', 'journal', 'witness', 'privateCheckIn', 'notes', 'bPlan', 'bJournal', 'bCheckIn'].map((k) => [k, makeCanary(k)]))
    const shared = Object.fromEntries(['sharedCheckIn', 'resource', 'place', 'suggestion'].map((k) => [k, makeCanary(k)]))
    const debriefText = makeCanary('debrief')

    // Alder, facilitator: personal …
    await a.ok('saveSafetyPlan', { sections: { safePlaces: personal.plan as string } })
    await a.ok('saveJournalEntry', { occurredAt: '2026-11-20T21:00', what: personal.journal as string, witnesses: personal.witness as string })
    await a.ok('checkIn', { mood: 'low', note: personal.privateCheckIn as string })
    await a.ok('setTrainingProgress', { moduleId: 'active-listening', completed: true, notes: personal.notes as string })
    // … and shared.
    await a.ok('checkIn', { mood: 'okay', note: shared.sharedCheckIn as string, shareWith: [groupId] })
    await a.ok('shareTraining', { groupId, share: true })
    await a.ok('addResource', { groupId, category: 'legal', name: shared.resource as string, region: 'Leeds', contact: '0113', url: 'https://example.org/law', notes: '' })
    const aliceId = (await a.ok('groupInfo', { groupId })).me
    const meeting = await a.ok('saveMeeting', { groupId, title: 'Tuesday', mode: 'in-person', startsAt: Date.now() + 86_400_000, minutes: 60, place: shared.place as string, facilitator: aliceId, agenda: '' })
    await a.ok('writeDebrief', { groupId, text: debriefText })

    // Birch, member: personal, a suggestion, an RSVP; the debrief stays closed.
    await b.ok('saveSafetyPlan', { sections: { goBag: personal.bPlan as string } })
    await b.ok('saveJournalEntry', { occurredAt: '2026-11-21T08:00', what: personal.bJournal as string })
    await b.ok('checkIn', { mood: 'good', note: personal.bCheckIn as string })
    await b.ok('suggestResource', { groupId, category: 'housing', name: shared.suggestion as string, region: '', contact: '', url: null, notes: '' })
    expect(await b.call('addResource', { groupId, category: 'legal', name: 'x', region: '', contact: '', url: null, notes: '' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(await b.call('saveMeeting', { groupId, title: 'mine', mode: 'online', startsAt: 1, minutes: 60, place: '', facilitator: aliceId, agenda: '' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(await b.call('writeDebrief', { groupId, text: 'let me in' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    // What is shared arrives at Birch…
    await b.until(async () => (await b.ok('meetings', { groupId })).some((m) => m.id === meeting.id))
    await b.until(async () => (await b.ok('debrief', { groupId })).sealed === 1)
    expect((await b.ok('meetings', { groupId }))[0]?.place).toBe(shared.place)
    await b.ok('rsvp', { groupId, meetingId: meeting.id, answer: 'yes' })
    expect((await b.ok('resources', { groupId })).directory.map((r) => r.name)).toEqual([shared.resource])
    expect((await b.ok('groupCheckIns', { groupId })).map((c) => c.note)).toEqual([shared.sharedCheckIn])
    expect((await b.ok('trainingShared', { groupId })).find((t) => !t.me)).toMatchObject({ name: 'Alder', completed: ['active-listening'] })
    expect(await b.ok('debrief', { groupId })).toEqual({ canRead: false, holders: ['Alder'], entries: [], sealed: 1 })
    // … and Birch's shared words reach Alder.
    await a.until(async () => (await a.ok('resources', { groupId })).suggestions.some((s) => s.name === shared.suggestion))
    await a.until(async () => (await a.ok('meetings', { groupId }))[0]?.coming.includes('Birch') === true)
    expect((await a.ok('debrief', { groupId })).entries.map((e) => e.text)).toEqual([debriefText])
    expect((await a.ok('checkIns', {})).map((c) => c.note).sort()).toEqual([personal.privateCheckIn, shared.sharedCheckIn].sort())
    await b.until(async () => (await b.ok('groupStatus', { groupId })).writesHeld)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).writesHeld)

    await Promise.all([a, b].map((p) => scene.stop(p)))

    // Every block Birch holds, opened with Birch's keys.
    const atB = await everyPayload(dirs.b, groupId)
    const all = Buffer.concat(atB.payloads.map((p) => p.bytes))
    for (const c of Object.values(shared)) expect(all.includes(c), c).toBe(true)
    for (const c of Object.values(personal)) expect(all.includes(c), c).toBe(false)
    expect(all.includes(debriefText)).toBe(false) // sealed a second time, under the debrief key
    expect(atB.payloads.filter((p) => p.docId.startsWith('personal/'))).toEqual([])

    // Alder's personal log is not in Birch's store (nor Birch's own personal log in Alder's).
    const atA = await everyPayload(dirs.a, groupId)
    const alderPersonal = atA.store.keyFor(PERSONAL_LOG)
    const birchPersonal = atB.store.keyFor(PERSONAL_LOG)
    expect((await atB.store.openPeerLog(alderPersonal)).length).toBe(0)
    expect((await atA.store.openPeerLog(birchPersonal)).length).toBe(0)
    expect((await atA.store.openPeerLog(alderPersonal)).length).toBeGreaterThan(0)
    for (const x of [atA, atB]) {
      await x.store.close()
      x.vault.lock()
    }
  }, 120_000)
})
