/**
 * Exporting one group, and restoring a group from an archive: each runs one call, shows the
 * `exportProgress` events while it runs, and can be stopped (exports). The path comes from the
 * desktop app's save or open window (lib/save-place.ts); only the browser development host, which
 * has no such window, takes a typed one.
 */
import type { ApiError, ExportFormat, ExportResult, GroupSummary, HearthApi } from '../../core/api.ts'
import { settle } from './call.ts'

export interface ExportRequest {
  format: ExportFormat
  path: string
  archivePassphrase?: string
  from?: number
  to?: number
  topic?: string
  /** Readable exports: the language of the file's own words (the one Hearth is showing). */
  language?: string
}

export interface Progress {
  done: number
  total: number
}

export class ExportController {
  busy = $state(false)
  progress: Progress | null = $state(null)
  error: ApiError | null = $state(null)
  result: ExportResult | null = $state(null)
  cancelled = $state(false)

  readonly #api: HearthApi
  readonly #groupId: string

  constructor(api: HearthApi, groupId: string) {
    this.#api = api
    this.#groupId = groupId
  }

  async run(req: ExportRequest): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    this.error = null
    this.result = null
    this.cancelled = false
    this.progress = { done: 0, total: 0 }
    const off = this.#api.on('exportProgress', (p) => {
      if (p.groupId === this.#groupId) this.progress = { done: p.done, total: p.total }
    })
    try {
      const r = await settle(this.#api.exportGroup({ groupId: this.#groupId, ...req }))
      if (r.ok) this.result = r.value
      else if (r.error.code === 'EXPORT_CANCELLED') this.cancelled = true
      else this.error = r.error
      return r.ok
    } finally {
      off()
      this.busy = false
      this.progress = null
    }
  }

  async cancel(): Promise<void> {
    await settle(this.#api.cancelExport({}))
  }
}

export class RestoreController {
  busy = $state(false)
  progress: Progress | null = $state(null)
  error: ApiError | null = $state(null)
  restored: GroupSummary | null = $state(null)

  readonly #api: HearthApi

  constructor(api: HearthApi) {
    this.#api = api
  }

  async run(path: string, archivePassphrase: string): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    this.error = null
    this.restored = null
    const off = this.#api.on('exportProgress', (p) => {
      if (p.groupId === '') this.progress = { done: p.done, total: p.total }
    })
    try {
      const r = await settle(this.#api.restoreArchive({ path, archivePassphrase }))
      if (r.ok) this.restored = r.value
      else this.error = r.error
      return r.ok
    } finally {
      off()
      this.busy = false
      this.progress = null
    }
  }
}
