/**
 * Durable, atomic file replacement: write a temp file beside the target, fsync it, rename it over
 * the target, fsync the folder. A crash at any instant leaves either the old file or the new one,
 * never a mix, and once this resolves the new file survives power loss.
 */
import { closeSync, fsync, close, mkdirSync, openSync, promises as fs, rmSync, writeSync } from 'node:fs'
import { promisify } from 'node:util'
import path from 'node:path'
import { randomBytes } from '../crypto/random.ts'

const TMP_MARK = '.tmp-'

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

/** `data`: the bytes, or the file's pieces in order (a large sealed file is made in pieces). */
export async function writeFileAtomic(file: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = `${file}${TMP_MARK}${hex(randomBytes(6))}`
  const fh = await fs.open(tmp, 'wx', 0o600)
  try {
    if (data instanceof Uint8Array) await fh.writeFile(data)
    else for (const piece of data) for (let o = 0; o < piece.length;) o += (await fh.write(piece, o, piece.length - o)).bytesWritten
    await fh.sync()
  } finally {
    await fh.close()
  }
  try {
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
  await syncDir(path.dirname(file))
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open folders; NTFS journals renames. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const fh = await fs.open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Removes temp files a crash left behind next to `file`. They hold ciphertext only, but they are clutter. */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file)
  const prefix = path.basename(file) + TMP_MARK
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(dir, n), { force: true })))
}

/** Reads a file, or returns null when it does not exist. Other failures propagate. */
export async function readFileOrNull(file: string): Promise<Uint8Array | null> {
  try {
    // A view of the bytes read, not a copy: a group's checkpoint is tens of MB.
    const b = await fs.readFile(file)
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/**
 * Streams a file into place atomically: `write` fills a temp file beside the target (in the same
 * folder, never the system temp folder), which is fsynced and renamed over the target. If `write`
 * throws, the temp file is removed and the target is untouched.
 */
export async function writeFileAtomicWith(file: string, write: (fh: fs.FileHandle) => Promise<void>): Promise<void> {
  const tmp = `${file}${TMP_MARK}${hex(randomBytes(6))}`
  const fh = await fs.open(tmp, 'wx', 0o600)
  try {
    await write(fh)
    await fh.sync()
  } catch (e) {
    await fh.close().catch(() => undefined)
    await fs.rm(tmp, { force: true })
    throw e
  }
  await fh.close()
  try {
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
  await syncDir(path.dirname(file))
}

/**
 * A file replaced atomically, its bytes written now, synchronously, into a temp file beside it (a
 * seal that must end in one synchronous step and let each piece go once written: a group's
 * checkpoint), then put in place by `finish` as `writeFileAtomic` does (fsync, rename, fsync of
 * the folder). `abandon` removes the temp file; the target is untouched until `finish`.
 */
export class TempFile {
  private readonly tmp: string
  private fd: number | null

  constructor(private readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    this.tmp = `${file}${TMP_MARK}${hex(randomBytes(6))}`
    this.fd = openSync(this.tmp, 'wx', 0o600)
  }

  /** Writes `bytes` at `position`, or after what was written when it is not given. */
  write(bytes: Uint8Array, position?: number): void {
    if (this.fd === null) throw new Error('temp file already closed')
    for (let o = 0; o < bytes.length;) o += writeSync(this.fd, bytes, o, bytes.length - o, position === undefined ? null : position + o)
  }

  /** Makes the bytes durable and puts them in place of the file. */
  async finish(): Promise<void> {
    const fd = this.fd
    if (fd === null) throw new Error('temp file already closed')
    this.fd = null
    try {
      await promisify(fsync)(fd)
    } catch (e) {
      await promisify(close)(fd).catch(() => undefined)
      await fs.rm(this.tmp, { force: true })
      throw e
    }
    await promisify(close)(fd)
    try {
      await fs.rename(this.tmp, this.file)
    } catch (e) {
      await fs.rm(this.tmp, { force: true })
      throw e
    }
    await syncDir(path.dirname(this.file))
  }

  abandon(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    rmSync(this.tmp, { force: true })
  }
}
