/**
 * Durable, atomic file replacement: write a temp file beside the target, fsync it, rename it over
 * the target, fsync the folder. A crash at any instant leaves either the old file or the new one,
 * never a mix, and once this resolves the new file survives power loss.
 */
import { promises as fs } from 'node:fs'
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
