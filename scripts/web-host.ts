/**
 * `npm run web -- [--profile DIR] [--port P] [--renderer DIR] [--shim FILE] [--bootstrap HOST:PORT[,…]]
 * [--transport hyperswarm|webrtc|both] [--signal ws://HOST:PORT]`: the
 * Hearth node plus the renderer in any browser, for development and the browser tests. It never
 * ships (DESIGN.md §2).
 *
 * Without --bootstrap the node stays off the network (nothing to join, nothing synced), which is
 * what most tests want. With it, groups go online on that DHT; a loopback bootstrap (a local
 * testnet) also binds to loopback, so a test's traffic never leaves the machine.
 *
 * Without --renderer it builds the renderer into dist/renderer first, so what is served matches
 * the source; tests build once and pass the folder, and the bridge shim (--shim FILE) likewise.
 * As in the app, WebRTC connections are made by the page's own RTCPeerConnection and relayed to
 * the node as ciphertext frames (core/net/webrtc/page-peers.ts, renderer/lib/rtc-relay.ts).
 *
 * When ready it prints exactly one line, `Hearth web host: http://127.0.0.1:PORT/#token=…`, on
 * stdout; anything else goes to stderr.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { METHOD_NAMES } from '../core/schemas.ts'
import { createService, type ServiceOptions } from '../core/service.ts'
import { defaultProfileDir } from '../core/store/profile-dir.ts'
import { networkOptions, transportOptions } from './cli/net-commands.ts'
import { EVENT_NAMES, startWebHost } from './web/server.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

function fail(message: string): never {
  process.stderr.write(`hearth web host: ${message}\n`)
  process.exit(1)
}

/**
 * The bridge shim: the file --shim names (the browser tests build it once per run, with the
 * renderer), or else built now. Vite is loaded only to build: it is most of the host's start-up.
 */
async function shimCode(file: string | undefined): Promise<string> {
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      fail(`cannot read the shim ${file}`)
    }
  }
  return (await import('./web/build.ts')).buildShim({ methods: METHOD_NAMES, events: EVENT_NAMES })
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { profile: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' }, shim: { type: 'string' }, bootstrap: { type: 'string' }, transport: { type: 'string' }, signal: { type: 'string', multiple: true } },
      strict: true,
    }))
  } catch (e) {
    fail(e instanceof Error ? e.message : 'bad arguments')
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535')

  let network: ServiceOptions['network']
  try {
    // An empty list would mean the public DHT to networkOptions; here it is a mistake.
    if (values.bootstrap !== undefined && values.bootstrap.trim() === '') fail('--bootstrap wants HOST:PORT[,HOST:PORT]')
    network = values.bootstrap === undefined ? undefined : networkOptions(values.bootstrap)
    if (values.transport !== undefined || values.signal !== undefined) network = { ...network, ...transportOptions(values.transport, values.signal) }
  } catch (e) {
    fail(e instanceof Error ? e.message : 'bad --bootstrap')
  }

  let rendererDir = values.renderer ? path.resolve(values.renderer) : path.join(ROOT, 'dist', 'renderer')
  if (!values.renderer) await (await import('./web/build.ts')).buildRenderer(rendererDir)
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail(`no index.html in ${rendererDir}`)
  rendererDir = path.resolve(rendererDir)
  // Read before the node starts, so a wrong --shim fails before anything is opened.
  const shim = await shimCode(values.shim)

  const service = createService({
    profileDir: path.resolve(values.profile ?? defaultProfileDir()),
    ...(network ? { network } : {}),
    webrtcInPage: true,
    // The web host has no system browser to hand a link to: it reports the address core let
    // through (tests read it from stderr) and says it was opened.
    openLink: async (url) => {
      process.stderr.write(`hearth web host: open link ${url}\n`)
      return true
    },
    // A bug's details stay out of the log: only its kind, never user data.
    onInternalError: (e) => process.stderr.write(`hearth web host: internal error (${e instanceof Error ? e.name : typeof e})\n`),
  })
  const host = await startWebHost({ service, rendererDir, shimCode: shim, port })

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void host.close().then(() => service.close()).then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  process.stdout.write(`Hearth web host: ${host.url}\n`)
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : 'could not start'))
