/**
 * The local socket of a running node (`hearth serve`), wire version 1: newline-delimited JSON,
 * one UTF-8 JSON object per line, each way.
 *
 *   caller → node   { "id", "method", "input" }   id: a safe integer or a string of 1–64 chars
 *   node → caller   { "id", "result" }            result: the service's Result for that call
 *   node → caller   { "event", "payload" }        a service event, only once the passphrase is shown
 *
 * A line the node cannot read (not JSON, not an object, no usable id, no method) is answered with
 * `{ "id": <id or null>, "result": { "ok": false, "error": { "code": "INVALID_INPUT", … } } }`.
 * A line longer than MAX_LINE_BYTES is answered the same way, and the node then hangs up, since
 * it cannot tell where the next frame starts.
 *
 * Where it listens: `<profile>/node.sock` (a Unix domain socket, mode 0600), or on Windows the
 * named pipe `\\.\pipe\hearth-<first 32 hex of SHA-256 of the profile's absolute path>`. An
 * incompatible wire change takes a new socket name, so an old CLI finds no node instead of
 * misreading one.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { refusal, type ReplyFrame } from '../call-frames.ts'

export const SOCKET_NAME = 'node.sock'
/** Calls are small (the largest input is a post); a megabyte is damage or abuse, not a call. */
export const MAX_LINE_BYTES = 1024 * 1024
/** sun_path is 104 bytes on macOS and 108 on Linux, NUL included. */
const MAX_UNIX_PATH_BYTES = 103

export type { CallFrame, CallId, EventFrame, ReplyFrame } from '../call-frames.ts'
export { failure, isCall, parseCall } from '../call-frames.ts'

/** Where a profile's node listens, or null when a Unix socket path would be too long to bind. */
export function nodeEndpoint(profileDir: string, platform: NodeJS.Platform = process.platform): string | null {
  const abs = path.resolve(profileDir)
  if (platform === 'win32') {
    // Windows paths are case-insensitive: one profile must give one pipe name however it was typed.
    const digest = createHash('sha256').update(abs.toLowerCase()).digest('hex').slice(0, 32)
    return `\\\\.\\pipe\\hearth-${digest}`
  }
  const file = path.join(abs, SOCKET_NAME)
  return Buffer.byteLength(file) <= MAX_UNIX_PATH_BYTES ? file : null
}

export function tooLong(): ReplyFrame {
  return refusal(null, `a frame is longer than ${MAX_LINE_BYTES} bytes`)
}

/**
 * Splits a byte stream into lines without ever holding more than `maxBytes` of one line, so a
 * caller that never sends a newline cannot make the node buffer without end.
 */
export class LineReader {
  private parts: Buffer[] = []
  private size = 0
  private broken = false

  constructor(private readonly maxBytes: number) {}

  /** The complete lines in `data` (blank ones dropped); `overflow` once a line has run too long. */
  push(data: Buffer): { lines: string[]; overflow: boolean } {
    const lines: string[] = []
    if (this.broken) return { lines, overflow: true }
    let start = 0
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      const piece = data.subarray(start, nl)
      start = nl + 1
      if (this.size + piece.length > this.maxBytes) return this.overflow(lines)
      const line = Buffer.concat([...this.parts, piece]).toString('utf8').replace(/\r$/, '')
      this.parts = []
      this.size = 0
      if (line.trim() !== '') lines.push(line)
    }
    const rest = data.subarray(start)
    if (this.size + rest.length > this.maxBytes) return this.overflow(lines)
    if (rest.length > 0) {
      this.parts.push(Buffer.from(rest))
      this.size += rest.length
    }
    return { lines, overflow: false }
  }

  private overflow(lines: string[]): { lines: string[]; overflow: boolean } {
    this.broken = true
    this.parts = []
    this.size = 0
    return { lines, overflow: true }
  }
}
