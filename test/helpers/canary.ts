/**
 * The canary scanner (DESIGN.md §5): reads every byte of every file under the given folders and
 * reports each place a canary string appears — as UTF-8, UTF-16LE, hex, or base64 at any of the
 * three byte alignments. A test writes known strings through the app, then expects zero hits.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs'
import path from 'node:path'

export interface CanaryHit {
  file: string
  canary: string
  encoding: string
  offset: number
}

function forms(canary: string): { encoding: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(canary, 'utf8')
  const out = [
    { encoding: 'utf8', bytes: utf8 },
    { encoding: 'utf16le', bytes: Buffer.from(canary, 'utf16le') },
    { encoding: 'hex', bytes: Buffer.from(utf8.toString('hex'), 'latin1') },
  ]
  // base64 of the canary depends on where it starts in a 3-byte group; the stable middle of each
  // alignment is what any encoder must emit, whatever came before it.
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), utf8]).toString('base64')
    const start = Math.ceil((pad * 4) / 3) + 1
    const end = Math.floor(((pad + utf8.length) * 4) / 3) - 1
    if (end - start >= 8) out.push({ encoding: `base64+${pad}`, bytes: Buffer.from(b64.slice(start, end), 'latin1') })
  }
  return out
}

export function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      return
    }
    for (const n of names) {
      const p = path.join(dir, n)
      const st = lstatSync(p, { throwIfNoEntry: false })
      if (!st) continue
      if (st.isDirectory()) walk(p)
      else if (st.isFile()) out.push(p)
    }
  }
  walk(root)
  return out
}

export function scanForCanaries(roots: string[], canaries: string[]): CanaryHit[] {
  const patterns = canaries.flatMap((c) => forms(c).map((f) => ({ canary: c, ...f })))
  const hits: CanaryHit[] = []
  for (const root of roots) {
    // A file or a missing folder would be scanned as empty and pass: refuse it, so no test passes vacuously.
    if (!lstatSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`canary scan: not a folder: ${root}`)
    for (const file of listFiles(root)) {
      let data: Buffer
      try {
        data = readFileSync(file)
      } catch {
        continue
      }
      for (const p of patterns) {
        const offset = data.indexOf(p.bytes)
        if (offset >= 0) hits.push({ file, canary: p.canary, encoding: p.encoding, offset })
      }
    }
  }
  return hits
}

/** A unique, unmistakable string to write through the app and then look for. */
export function makeCanary(label: string): string {
  return `CANARY-${label}-${Math.random().toString(36).slice(2, 10)}-HEARTH`
}
