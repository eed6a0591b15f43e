/**
 * A hostile member's made-up final refusal (issue 14). Mallory (refusing-member.child.ts, a real
 * member process) answers every newcomer "refused: INVITE_EXPIRED". Cedar's invite is good. Alder,
 * the facilitator, is offline while Mallory refuses Cedar and comes back after, so Mallory's
 * refusal is always the first answer Cedar gets: Cedar keeps looking (core/net/join-answers.ts)
 * and Alder admits her. In both start orders — Mallory online before Cedar looks, and Cedar
 * looking before Mallory is online — and under a CPU hog once. Then Dana, asking with a name
 * Alder must refuse (NAME_TAKEN) while Mallory says INVITE_EXPIRED, hears JOIN_ANSWERS_DIFFER
 * once both refused and one more look found no one else, long before her wait would end.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir, start, stop } = cast
const CHILD = fileURLToPath(new URL('./refusing-member.child.ts', import.meta.url))

/** A wait that says which one it was when it fails. */
const named = <T>(what: string, p: Promise<T>): Promise<T> => p.catch((e: unknown) => Promise.reject(new Error(`${what}: ${String(e)}`)))

/** Sends `cmd` and waits for its one-line answer, written after now. */
function tell(child: Child, cmd: string): Promise<string> {
  const seen = child.lines.length
  child.proc.stdin?.write(`${cmd}\n`)
  return named(`Mallory ${cmd}`, child.waitForLine((l, i?: number) => (i ?? 0) >= seen && l === cmd, 60_000))
}

/** Waits for Mallory's next refusal after `seen` lines. */
const refusal = (child: Child, seen: number): Promise<string> => named('Mallory’s refusal', child.waitForLine((l, i?: number) => (i ?? 0) >= seen && l === 'refused', 90_000))

describe('a member who answers a newcomer with a made-up refusal', () => {
  it.each([
    { order: 'Mallory online first', hog: false, load: 'quiet machine' },
    { order: 'Cedar looking first', hog: true, load: 'CPU hog on both cores' },
  ])('does not keep the newcomer out: the honest facilitator admits her ($order, $load)', { timeout: 360_000 }, async ({ order, hog }) => {
    if (hog) cast.loadCpu()
    const boot = await cast.testnet()
    const alderDir = path.join(tempDir(), 'alder')
    let alder = await named('Alder started', start(alderDir, boot, 'Alder'))
    const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
    const forMallory = await alder.ok('createInvite', { groupId })
    const forCedar = await alder.ok('createInvite', { groupId })
    const forDana = await alder.ok('createInvite', { groupId })
    const mallory = cast.hostile(spawnTs(CHILD, [path.join(tempDir(), 'mallory'), boot, forMallory.code], {}, { stdin: true }))
    await named('Mallory joined', mallory.waitForLine((l) => l.startsWith('joined '), 90_000))
    await alder.until(async () => (await alder.ok('members', { groupId })).some((m) => m.pseudonym === 'Mallory'), 45_000)

    if (order === 'Cedar looking first') await tell(mallory, 'offline')
    await named('Alder stopped', stop(alder))
    const seen = mallory.lines.length
    const cedar = await named('Cedar started', start(path.join(tempDir(), 'cedar'), boot, 'Cedar'))
    const joining = cedar.call('joinGroup', { code: forCedar.code, waitMs: 240_000 }, 250_000)
    if (order === 'Cedar looking first') await tell(mallory, 'online')
    await refusal(mallory, seen)

    alder = await named('Alder back', start(alderDir, boot))
    const joined = await joining
    expect(joined).toMatchObject({ ok: true, value: { group: groupId, status: 'admitted' } })
    await alder.until(async () => (await alder.ok('members', { groupId })).some((m) => m.pseudonym === 'Cedar'), 60_000)

    // Two members, two different refusals: the newcomer hears that they disagree, well within
    // the wait (the call's bound is far below it), and not one member's word.
    const dana = await named('Dana started', start(path.join(tempDir(), 'dana'), boot, 'Dana'))
    const asked = mallory.lines.length
    const differ = await dana.call('joinGroup', { code: forDana.code, pseudonym: 'Alder', waitMs: 600_000 }, 150_000)
    expect(differ).toMatchObject({ ok: false, error: { code: 'JOIN_ANSWERS_DIFFER' } })
    await refusal(mallory, asked)
    expect((await alder.ok('members', { groupId })).map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Cedar', 'Mallory'])
  })
})
