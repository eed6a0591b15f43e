/**
 * A raw WebSocket client of a signaling server for tests: it sends any frame and hands back the
 * server's frames in order, each as parsed JSON. Waits are on frames and close events, never on
 * time (the timeouts only catch a hung server).
 */
import { WebSocket } from 'ws'

export interface SignalFrame {
  type?: string
  code?: string
  topic?: string
  clients?: number
  [k: string]: unknown
}

export interface RawSignalClient {
  ws: WebSocket
  /** The next frame from the server (frames are queued, none is lost between calls). */
  next(timeoutMs?: number): Promise<SignalFrame>
  send(frame: unknown): void
  sendRaw(data: string | Buffer, binary?: boolean): void
  /** Round trip: a ping answered proves every frame sent before it was handled. */
  sync(): Promise<void>
  closed: Promise<{ code: number; reason: string }>
  close(): Promise<void>
}

export async function connectSignal(url: string): Promise<RawSignalClient> {
  const ws = new WebSocket(url)
  const queue: SignalFrame[] = []
  const waiters: Array<(f: SignalFrame) => void> = []
  ws.on('error', () => undefined)
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as SignalFrame
    const w = waiters.shift()
    if (w) w(frame)
    else queue.push(frame)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
  const next = (timeoutMs = 15_000): Promise<SignalFrame> => {
    const f = queue.shift()
    if (f) return Promise.resolve(f)
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no frame from the signaling server')), timeoutMs)
      waiters.push((frame) => {
        clearTimeout(t)
        resolve(frame)
      })
    })
  }
  return {
    ws,
    next,
    send: (frame) => ws.send(JSON.stringify(frame)),
    sendRaw: (data, binary = false) => ws.send(data, { binary }),
    async sync() {
      ws.send(JSON.stringify({ type: 'ping' }))
      const f = await next()
      if (f.type !== 'pong') throw new Error(`expected pong, got ${JSON.stringify(f)}`)
    },
    closed,
    /** Ends the connection at once (a paused socket would never finish a closing handshake). */
    async close() {
      if (ws.readyState !== ws.CLOSED) {
        ws.terminate()
        await closed
      }
    },
  }
}
