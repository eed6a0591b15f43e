/**
 * The archive half of the service: exportGroup (a sealed archive or a readable file), cancelExport
 * and restoreArchive. One export or restore runs at a time per profile; progress goes out as
 * `exportProgress` events. Files go only where the person pointed, through a temp file beside the
 * target (core/store/atomic-file.ts), never into the profile or the system temp folder.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ApiEvents, MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { identityFromSeed, wipeIdentity } from '../crypto/identity.ts'
import type { KdfParams } from '../crypto/kdf.ts'
import { writeFileAtomicWith } from '../store/atomic-file.ts'
import { checkNewPassphrase } from '../store/vault.ts'
import type { GroupRegistry } from '../group/group-registry.ts'
import { writeArchive } from './archive-export.ts'
import { restoreArchive } from './archive-restore.ts'
import { writeReadable } from './readable-export.ts'
import { checkGroupExport, recordGroupExport } from './export-policy.ts'

type ArchiveMethods = 'exportGroup' | 'cancelExport' | 'restoreArchive'

export interface ArchiveContext {
  registry(): GroupRegistry
  now(): number
  progress(p: ApiEvents['exportProgress']): void
  groupsChanged(): void
  /** Tests only: a cheaper argon2id for archives. */
  kdf?: KdfParams
}

/**
 * An absolute path in an existing folder, outside the profile (readable files must never land
 * there). Folders are compared after resolving symbolic links, so a link cannot lead inside.
 */
async function target(file: string, profileDir: string): Promise<string> {
  if (!path.isAbsolute(file)) throw errors.INVALID_INPUT('the path must be absolute')
  const resolved = path.resolve(file)
  const dir = await realpath(path.dirname(resolved)).catch(() => null)
  if (!dir || !(await stat(dir)).isDirectory()) throw errors.INVALID_INPUT('that folder does not exist')
  const profile = await realpath(profileDir).catch(() => path.resolve(profileDir))
  const rel = path.relative(profile, path.join(dir, path.basename(resolved)))
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)
  if (!outside) throw errors.NOT_ALLOWED('an export cannot be written inside the profile folder')
  // An existing file is replaced whole (atomically); a folder is never a target.
  const existing = await stat(resolved).catch(() => null)
  if (existing && !existing.isFile()) throw errors.INVALID_INPUT('that path is a folder, not a file')
  return resolved
}

export function archiveHandlers(ctx: ArchiveContext): Pick<MethodHandlers, ArchiveMethods> {
  let running: { cancelled: boolean; kind: 'export' | 'restore' } | null = null

  async function exclusive<T>(kind: 'export' | 'restore', fn: (run: { cancelled: boolean }) => Promise<T>): Promise<T> {
    if (running) throw errors.PROFILE_BUSY('an export or restore is already running')
    const run = { cancelled: false, kind }
    running = run
    try {
      return await fn(run)
    } finally {
      running = null
    }
  }

  return {
    exportGroup: (input) => exclusive('export', async (run) => {
      const reg = ctx.registry()
      const file = await target(input.path, reg.vault.dir)
      const space = await reg.space(input.groupId)
      // Typing still in its coalescing window belongs in the export too.
      await space.flush()
      const gid = input.groupId
      const onProgress = (done: number, total: number): void => ctx.progress({ groupId: gid, done, total })
      const cancelled = (): boolean => run.cancelled
      if (input.format !== 'archive') {
        checkGroupExport(space, input)
        await recordGroupExport(space, input, ctx.now())
        let items = 0
        let bytes = 0
        await writeFileAtomicWith(file, async (fh) => {
          const r = await writeReadable(fh, space, input, { onProgress, cancelled, now: ctx.now })
          items = r.items
          bytes = r.bytes
        })
        return { path: file, bytes, items }
      }
      if (!input.archivePassphrase) throw errors.INVALID_INPUT('an archive needs an archive passphrase')
      // The same rule as a profile passphrase: the archive holds the member's identity.
      checkNewPassphrase(input.archivePassphrase)
      const passphrase = input.archivePassphrase
      const seed = reg.vault.get(`group/${gid}/identity`)
      const secret = reg.vault.get(`group/${gid}/secret`)
      if (!seed || !secret) throw errors.VAULT_CORRUPT('the group’s keys are missing')
      const epochs: [number, Uint8Array][] = []
      for (const name of reg.vault.names()) {
        const m = /^group\/[0-9a-f]{32}\/epoch\/(\d+)$/.exec(name)
        const key = m && name.startsWith(`group/${gid}/`) ? reg.vault.get(name) : undefined
        if (m && key) epochs.push([Number(m[1]), key])
      }
      const identity = identityFromSeed(seed)
      try {
        let result = { items: 0, bytes: 0 }
        await writeFileAtomicWith(file, async (fh) => {
          result = await writeArchive(fh, passphrase, {
            groupId: gid, name: space.governance.name, identity, keys: { seed, secret, epochs: epochs.sort((a, b) => a[0] - b[0]) },
            logs: space.governance.deviceLogs(), store: reg.store,
          }, { onProgress, cancelled, now: ctx.now, ...(ctx.kdf ? { kdf: ctx.kdf } : {}) })
        })
        return { path: file, ...result }
      } finally {
        wipeIdentity(identity)
      }
    }),

    async cancelExport() {
      // A restore is not stopped halfway: it imports nothing until the archive is verified, then finishes.
      if (running?.kind !== 'export') return { cancelled: false }
      running.cancelled = true
      return { cancelled: true }
    },

    restoreArchive: (input) => exclusive('restore', async () => {
      const reg = ctx.registry()
      if (!path.isAbsolute(input.path)) throw errors.INVALID_INPUT('the path must be absolute')
      const built = await restoreArchive(input.path, input.archivePassphrase, {
        vault: reg.vault, store: reg.store, now: ctx.now,
        onProgress: (done, total) => ctx.progress({ groupId: '', done, total }),
      })
      const groupId = built.groupId
      // The state built while importing, sealed as this profile's checkpoint: the group opens from it.
      await reg.checkpoint(groupId, built.space)
      await built.space.idle()
      built.space.dropKeys()
      const space = await reg.space(groupId)
      void reg.goOnline(groupId).catch(() => undefined)
      ctx.groupsChanged()
      const gov = space.governance
      return { id: gov.groupId, name: gov.name, mode: gov.mode, role: gov.members.get(space.me)?.role ?? 'member' }
    }),
  }
}
