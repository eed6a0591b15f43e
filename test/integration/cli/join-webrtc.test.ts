/**
 * The real `hearth` command, joining over WebRTC alone (issue 16): `hearth serve --transport
 * webrtc` on the member's side, `hearth join CODE --transport webrtc --signal URL` on the
 * newcomer's, through `hearth signal`, each its own process on loopback. `invite create` hands the
 * inviter the group's signaling address beside the code; without an address a join on WebRTC
 * alone is refused at once with a code. Then both serve, and a post goes each way.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { runCli, untilServing, type CliRun } from '../../helpers/cli.ts'
import { useCliTestnet } from '../../helpers/cli-testnet.ts'
import { stopChild } from '../net/net-harness.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const env = { HEARTH_PASSPHRASE: 'correct horse battery staple' }
const cliNet = useCliTestnet()
const children: Child[] = []
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopChild(c)))
})

function hearth(args: string[], profile: string, timeoutMs = 60_000): Promise<CliRun> {
  return runCli([...args, '--profile', profile], env, timeoutMs)
}

function spawned(args: string[]): Child {
  const child = spawnTs(HEARTH, args, env)
  children.push(child)
  return child
}

/** `hearth serve` on WebRTC alone; the loopback bootstrap only keeps ICE on 127.0.0.1 (no DHT opens). */
async function serve(profile: string): Promise<void> {
  const child = spawned(['serve', '--profile', profile, '--transport', 'webrtc', '--bootstrap', cliNet.boot, '--for', '300', '--json'])
  await untilServing(child)
}

async function feedHas(profile: string, groupId: string, text: string): Promise<void> {
  for (;;) {
    const r = await hearth(['feed', '--group', groupId, '--json'], profile)
    if (Array.isArray(r.json) && (r.json as Array<{ text: string }>).some((p) => p.text === text)) return
  }
}

describe('hearth join over WebRTC alone', () => {
  it('joins a member serving on WebRTC alone through the group’s hearth signal, and posts go both ways', { timeout: 400_000 }, async () => {
    const signal = spawned(['signal', '--port', '0', '--json'])
    const url = (JSON.parse(await signal.waitForLine((l) => l.startsWith('{"signal"'), 90_000)) as { signal: string }).signal
    const alder = path.join(cliNet.root, 'alder')
    const birch = path.join(cliNet.root, 'birch')
    expect((await hearth(['init', '--name', 'Alder', '--json'], alder)).code).toBe(0)
    expect((await hearth(['init', '--name', 'Birch', '--json'], birch)).code).toBe(0)
    const groupId = ((await hearth(['group', 'create', '--name', 'Circle', '--json'], alder)).json as { id: string }).id
    expect((await hearth(['group', 'webrtc', '--group', groupId, '--signal', url, '--json'], alder)).code).toBe(0)
    expect((await hearth(['post', '--group', groupId, '--text', 'from Alder', '--json'], alder)).code).toBe(0)
    const human = await hearth(['invite', 'create', '--group', groupId], alder)
    expect(human.stdout).toContain(`--signal ${url}`)
    const invite = (await hearth(['invite', 'create', '--group', groupId, '--json'], alder)).json as { code: string; signal: string }
    expect(invite.signal).toBe(url)

    // On WebRTC alone with no address there is nowhere to look: said at once, coded.
    const nowhere = await hearth(['join', invite.code, '--transport', 'webrtc', '--bootstrap', cliNet.boot, '--wait', '60', '--json'], birch)
    expect(nowhere.code).not.toBe(0)
    expect(nowhere.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    await serve(alder)
    // `--wait` bounds the search, then again the wait for the group's governance: 2 × 45 s sits
    // under the guard, so a failure shows what the command said when its wait ended
    // (JOIN_NOT_SYNCED with the meeting's counts), or, if it never ended, its stdout and stderr.
    const joined = await hearth(['join', invite.code, '--transport', 'webrtc', '--signal', invite.signal, '--bootstrap', cliNet.boot, '--wait', '45', '--json'], birch, 120_000)
    // The group arrived within the join: no JOIN_NOT_SYNCED line (which names the WebRTC meeting's state).
    expect(joined.stderr).not.toContain('"unsynced"')
    expect(joined.json).toEqual({ group: groupId, status: 'admitted' })
    await serve(birch)
    await feedHas(birch, groupId, 'from Alder')
    expect((await hearth(['post', '--group', groupId, '--text', 'from Birch', '--json'], birch)).code).toBe(0)
    await feedHas(alder, groupId, 'from Birch')
    const status = (await hearth(['group', 'status', '--group', groupId, '--json'], alder)).json as { peers: Array<{ name: string; transport?: string }>; webrtc?: { meeting?: { rooms: number; heard: number; opened: number } } }
    expect(status.peers.map((p) => `${p.name}:${p.transport}`)).toEqual(['Birch:webrtc'])
    // The meeting's counts (what JOIN_NOT_SYNCED prints): one room, Birch heard there, a channel opened.
    expect(status.webrtc?.meeting?.rooms).toBe(1)
    expect(status.webrtc?.meeting?.heard).toBeGreaterThan(0)
    expect(status.webrtc?.meeting?.opened).toBeGreaterThan(0)
  })
})
