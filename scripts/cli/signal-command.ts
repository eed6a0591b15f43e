/**
 * `hearth signal`: the WebRTC signaling server a group runs itself (core/net/webrtc/signal-server.ts),
 * on y-webrtc's protocol. It needs no profile and holds no key.
 *
 * Its log goes to stderr as counts of codes, once a minute and at the stop: never a room name, a
 * frame or an address, and a flood of bad frames cannot flood the log.
 */
import { HearthError } from '../../core/errors.ts'
import { SignalServer, type SignalLogEntry } from '../../core/net/webrtc/signal-server.ts'
import { opt, type Command, type CommandContext } from './commands.ts'
import { seconds, stayUp } from './net-commands.ts'

/** y-webrtc's own default port, so a y-webrtc client's usual address reaches this one too. */
export const DEFAULT_SIGNAL_PORT = 4444
const LOG_EVERY_MS = 60_000

function port(v: string | undefined, name = 'port'): number {
  if (v === undefined) return DEFAULT_SIGNAL_PORT
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new HearthError('INVALID_INPUT', `--${name} wants a port number from 0 to 65535, not "${v}"`)
  return Number(v)
}

function host(ctx: CommandContext): string {
  const v = opt(ctx, 'host') ?? '127.0.0.1'
  if (!/^[0-9a-zA-Z.:-]{1,253}$/.test(v)) throw new HearthError('INVALID_INPUT', `--host wants an address or host name, not "${v}"`)
  return v
}

/** Counts log codes and writes them as one line per code. */
function codeCounter(): { log(e: SignalLogEntry): void; flush(): void } {
  const counts = new Map<string, number>()
  return {
    log(e) {
      const key = 'reason' in e ? `${e.code} ${e.reason}` : e.code
      counts.set(key, (counts.get(key) ?? 0) + 1)
    },
    flush() {
      for (const [key, n] of counts) process.stderr.write(`hearth signal: ${key} x${n}\n`)
      counts.clear()
    },
  }
}

/**
 * Starts a signaling server with its log of counts (for `hearth signal`, and beside a keeper:
 * `hearth keeper serve --signal PORT`). `portText` is the port asked for, under option `name`.
 */
export async function startSignal(ctx: CommandContext, portText: string | undefined, name = 'port'): Promise<{ url: string; close(): Promise<void> }> {
  const counter = codeCounter()
  const server = await SignalServer.listen({ port: port(portText, name), host: host(ctx), log: counter.log })
  const flusher = setInterval(counter.flush, LOG_EVERY_MS)
  flusher.unref()
  return {
    url: server.url,
    async close() {
      clearInterval(flusher)
      await server.close()
      counter.flush()
    },
  }
}

export const signalCommands: Record<string, Command & { noProfile: true }> = {
  signal: {
    usage: 'hearth signal [--port P] [--host H] [--for SECONDS]',
    summary: 'run a WebRTC signaling server (y-webrtc protocol) until Ctrl-C; listens on 127.0.0.1:4444 unless told',
    noProfile: true,
    async run(ctx) {
      const upFor = seconds(ctx, 'for', 365 * 24 * 3600)
      const server = await startSignal(ctx, opt(ctx, 'port'))
      try {
        process.stdout.write(ctx.options.json ? JSON.stringify({ signal: server.url }) + '\n' : `Signaling on ${server.url}. Ctrl-C to stop.\n`)
        await stayUp(upFor)
      } finally {
        await server.close()
      }
      return { stopped: true }
    },
    human: () => 'Stopped.',
  },
}
