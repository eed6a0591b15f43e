/**
 * `hearth join` says how the search goes while no member is online: on stderr, in words, once at
 * the start and then every fifth look (with --json, one JSON line per event), and stdout keeps
 * only the result. The real command, on a loopback testnet where the inviter stays offline.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliRun } from '../../helpers/cli.ts'
import { useCliTestnet } from '../../helpers/cli-testnet.ts'

const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }
const cliNet = useCliTestnet()

function hearth(args: string[], profile: string, timeoutMs?: number): Promise<CliRun> {
  return runCli([...args, '--profile', profile], env, timeoutMs)
}

describe('hearth join while nobody is online', () => {
  it('keeps looking and says so, then says nobody answered', { timeout: 180_000 }, async () => {
    const alder = path.join(cliNet.root, 'alder')
    const birch = path.join(cliNet.root, 'birch')
    expect((await hearth(['init', '--name', 'Alder', '--json'], alder, 60_000)).code).toBe(0)
    expect((await hearth(['init', '--name', 'Birch', '--json'], birch, 60_000)).code).toBe(0)
    const groupId = ((await hearth(['group', 'create', '--name', 'Circle', '--json'], alder)).json as { id: string }).id
    const { code } = (await hearth(['invite', 'create', '--group', groupId, '--json'], alder)).json as { code: string }

    // Looks at about 0, 1, 3, 6, 9, 12, 15 s: the fifth is well inside the wait.
    const human = await hearth(['join', code, '--bootstrap', cliNet.boot, '--wait', '20'], birch, 90_000)
    expect(human.code).not.toBe(0)
    expect(human.stderr).toContain('hearth: Looking for a member of the group who is online…')
    expect(human.stderr).toContain('hearth: No member is online yet; looked 5 times, still looking.')
    expect(human.stderr).toContain('NO_MEMBER_REACHABLE')
    expect(human.stdout).toBe('')

    const json = await hearth(['join', code, '--bootstrap', cliNet.boot, '--wait', '4', '--json'], birch, 90_000)
    expect(json.code).not.toBe(0)
    const events = json.stderr.split('\n').filter((l) => l.startsWith('{"joinProgress"')).map((l) => (JSON.parse(l) as { joinProgress: unknown }).joinProgress)
    expect(events[0]).toEqual({ state: 'looking', looks: 1 })
    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(events.every((e, i) => JSON.stringify(e) === JSON.stringify({ state: 'looking', looks: i + 1 }))).toBe(true)
  })
})
