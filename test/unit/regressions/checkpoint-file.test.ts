import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { checkpointPath, readCheckpoint } from '../../../core/store/checkpoint-file.ts'

it('readCheckpoint gives null, not a throw, for a checkpoint path it cannot read', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-ckpt-'))
  try {
    const file = checkpointPath(dir, 'ef'.repeat(16))
    mkdirSync(file, { recursive: true }) // EISDIR on read; EACCES behaves the same way
    await expect(readCheckpoint(file, new Uint8Array(32))).resolves.toBeNull()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
