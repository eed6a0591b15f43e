import { beforeAll, describe, expect, it } from 'vitest'
import { ESLINT_STARTUP_MS, LAYER, lintAt, rulesAt, warmUpEslint } from './lint-helper.ts'

beforeAll(warmUpEslint, ESLINT_STARTUP_MS)

describe('core/ stays pure (no electron, nothing of ours outside core, no DOM)', () => {
  it('refuses electron in every import form', async () => {
    const forms = [
      "import { app } from 'electron'\nexport const x = app",
      "import type { App } from 'electron'\nexport type X = App",
      "export { app } from 'electron'",
      "export const load = () => import('electron')",
      "const e = require('electron')\nexport default e",
      "import e = require('electron')\nexport default e",
      "import { BrowserWindow } from 'electron/main'\nexport const x = BrowserWindow",
    ]
    for (const code of forms) {
      expect(await rulesAt('core/net/swarm.ts', code), code).toContain(`${LAYER}:package`)
    }
  })

  it('refuses relative imports that climb out of core, at any depth', async () => {
    const cases: [string, string][] = [
      ['core/service.ts', "import { x } from '../renderer/lib/bridge.ts'\nexport { x }"],
      ['core/service.ts', "import { x } from '../electron/ipc.ts'\nexport { x }"],
      ['core/store/vault.ts', "import { x } from '../../scripts/hearth.ts'\nexport { x }"],
      ['core/store/vault.ts', "import { x } from '../../test/helpers/temp-dir.ts'\nexport { x }"],
      ['core/net/deep/peer.ts', "export * from '../../../renderer/App.svelte'"],
      ['core/model/feed.ts', "import type { X } from '../../electron/window.ts'\nexport type { X }"],
      ['core/model/feed.ts', "export type T = typeof import('../../electron/main.ts')"],
      ['core/model/feed.ts', "import { x } from 'renderer/lib/bridge.ts'\nexport { x }"],
    ]
    for (const [file, code] of cases) {
      const found = await lintAt(file, code)
      expect(found.map((f) => `${f.ruleId}:${f.messageId}`), `${file}: ${code}`).toContain(`${LAYER}:outside`)
    }
  })

  it('lets core import core and Node builtins', async () => {
    const ok: [string, string][] = [
      ['core/store/vault.ts', "import { errors } from '../errors.ts'\nimport { promises as fs } from 'node:fs'\nexport { errors, fs }"],
      ['core/service.ts', "import type { HearthApi } from './api.ts'\nexport type { HearthApi }"],
      ['core/group/x.ts', "export const load = () => import('../crypto/hash.ts')"],
    ]
    for (const [file, code] of ok) expect(await lintAt(file, code), code).toEqual([])
  })

  it('refuses DOM globals, directly and through globalThis', async () => {
    const cases = [
      'export const w = window.innerWidth',
      'export const t = document.title',
      'export const ua = navigator.userAgent',
      "export const v = localStorage.getItem('k')",
      "export const s = sessionStorage.getItem('k')",
      'export const has = typeof window !== "undefined"',
    ]
    for (const code of cases) {
      expect(await rulesAt('core/model/view.ts', code), code).toContain('no-restricted-globals')
    }
    expect(await rulesAt('core/model/view.ts', 'export const d = globalThis.document')).toContain('no-restricted-syntax')
  })

  it('does not mistake a local variable named like a DOM global for the global', async () => {
    expect(await lintAt('core/model/view.ts', 'export function f(document: string) {\n  return document.length\n}')).toEqual([])
  })
})
