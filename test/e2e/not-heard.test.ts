/**
 * The sync line says when a connected member is not heard from (issue 13, Build 3): Birch's whole
 * node (its web host process) is frozen with SIGSTOP, as a closed lid freezes it; within 2 s plus
 * the line's own read interval Alder's line says Birch is not heard from and still connected,
 * and when Birch's node runs again the line says "Connected now" again. Two web host processes on
 * a loopback testnet, each in its own browser context; the page stays accessible meanwhile.
 */
import { describe, it } from 'vitest'
import { POLL_MS } from '../../renderer/lib/sync-status.svelte.ts'
import { expectAccessible } from './support/axe.ts'
import { createGroup, expectNoPageErrors, heading, joinWithCode, makeInvite, onboard } from './support/flows.ts'
import { usePeople } from './support/session.ts'

const { person } = usePeople()
/** The bound, plus one read of the sync line. */
const SHOWN_MS = 2_000 + POLL_MS

describe('a member not heard from', () => {
  it('the sync line says so within 2 s of their computer freezing, and says connected again when it runs', { timeout: 150_000 }, async () => {
    const [alder, birch] = await Promise.all([person(), person()])
    const [a, b] = [alder.page, birch.page]
    await Promise.all([onboard(a), onboard(b)])
    await createGroup(a, 'Evening circle', 'Alder')
    const code = await makeInvite(a)
    await joinWithCode(b, code, 'Birch')
    await heading(b, 'Evening circle')
    await a.getByText('Connected now: Birch.').waitFor({ timeout: 30_000 })

    const frozen = birch.host.child.proc
    frozen.kill('SIGSTOP')
    try {
      await a.getByText(/^Not heard from for a few seconds: Birch\. .*Still connected; nothing is lost\.$/).waitFor({ timeout: SHOWN_MS })
      await expectAccessible(a, 'sync line, a member not heard from')
    } finally {
      frozen.kill('SIGCONT')
    }
    await a.getByText('Connected now: Birch.').waitFor({ timeout: SHOWN_MS })
    expectNoPageErrors(alder.errors)
  })
})
