/**
 * One Hearth node in its own process for multi-peer tests: a real service on a real profile,
 * on the loopback testnet given as `host:port`. It reads one JSON call per stdin line,
 * `{ "id", "method", "input" }`, and answers with one JSON line `{ "id", "result" }`. Events are
 * not printed: a syncing node raises thousands, and tests poll the views they care about. Ends on
 * stdin close or after 300 s.
 */
import readline from 'node:readline'
import { createService } from '../../../core/service.ts'
import { installNetWitness } from '../../helpers/net-witness.ts'

const [profileDir, bootstrap] = process.argv.slice(2) as [string, string]
const [host, port] = bootstrap.split(':') as [string, string]
// HEARTH_TRANSPORT and HEARTH_SIGNAL (comma-separated ws:// addresses): as `hearth serve --transport --signal`.
const transport = process.env.HEARTH_TRANSPORT as 'hyperswarm' | 'webrtc' | 'both' | undefined
const signal = process.env.HEARTH_SIGNAL ? process.env.HEARTH_SIGNAL.split(',') : undefined
// HEARTH_HOST: the loopback address this node binds (127.0.0.2, …); HEARTH_WITNESS_FILE: record every address it meets (net-witness.ts).
if (process.env.HEARTH_WITNESS_FILE) installNetWitness(process.env.HEARTH_WITNESS_FILE)
// HEARTH_REST_AFTER_MS: how soon a group's docs rest when no call asks for it (core/group/doc-rest.ts).
const rest = process.env.HEARTH_REST_AFTER_MS ? { restAfterMs: Number(process.env.HEARTH_REST_AFTER_MS) } : {}
// A fault inside Hearth answers INTERNAL; its stack goes to stderr, which a failing test prints.
const onInternalError = (e: unknown): void => void process.stderr.write(`hearth peer: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
const service = createService({ profileDir, network: { bootstrap: [{ host, port: Number(port) }], host: process.env.HEARTH_HOST ?? '127.0.0.1', ...(transport ? { transport } : {}), ...(signal ? { signal } : {}) }, ...rest, onInternalError })
const lines = readline.createInterface({ input: process.stdin })
// HEARTH_PEER_LIFETIME_MS: a longer life for tests that outlast the default (the flood test).
const stop = setTimeout(() => void finish(), Number(process.env.HEARTH_PEER_LIFETIME_MS ?? 300_000))

lines.on('line', (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown }
  void service.call(method, input).then((result) => process.stdout.write(JSON.stringify({ id, result }) + '\n'))
})
lines.on('close', () => void finish())

async function finish(): Promise<void> {
  clearTimeout(stop)
  await service.close()
  process.exit(0)
}
process.stdout.write('ready\n')
