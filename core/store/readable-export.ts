/**
 * Readable copies (safety plan, journal, a meeting's .ics) written to a path the person picked.
 * This is the one place Hearth writes plaintext on purpose, so it is narrow: the path must be
 * absolute, its folder must already exist, and it may not be inside the profile folder (the
 * profile holds ciphertext only, always). The file is written through atomic-file.ts: the only
 * temporary file is beside the target, in the folder the person chose, and it is renamed over the
 * target — never staged in the profile or the system temp folder. Mode 0600.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errors, isHearthError } from '../errors.ts'
import { writeFileAtomic } from './atomic-file.ts'

async function real(p: string): Promise<string> {
  try {
    return await fs.realpath(p)
  } catch {
    return path.resolve(p)
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export async function writeReadableCopy(target: string, text: string, profileDir: string): Promise<string> {
  if (!path.isAbsolute(target)) throw errors.INVALID_INPUT('give the full path of the file, starting from the top folder')
  const file = path.resolve(target)
  const dir = path.dirname(file)
  const st = await fs.stat(dir).catch(() => null)
  if (!st?.isDirectory()) throw errors.EXPORT_FAILED('that folder does not exist')
  if (inside(path.join(await real(dir), path.basename(file)), await real(profileDir))) {
    throw errors.NOT_ALLOWED('a readable copy cannot be saved inside the profile folder')
  }
  if ((await fs.stat(file).catch(() => null))?.isDirectory()) throw errors.EXPORT_FAILED('that is a folder, not a file name')
  try {
    await writeFileAtomic(file, new TextEncoder().encode(text))
  } catch (e) {
    if (isHearthError(e)) throw e
    throw errors.EXPORT_FAILED((e as NodeJS.ErrnoException).code === 'EACCES' ? 'Hearth may not write in that folder' : undefined)
  }
  return file
}
