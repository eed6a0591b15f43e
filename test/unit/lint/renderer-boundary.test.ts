import { beforeAll, describe, expect, it } from 'vitest'
import { ESLINT_STARTUP_MS, LAYER, lintAt, rulesAt, warmUpEslint } from './lint-helper.ts'

beforeAll(warmUpEslint, ESLINT_STARTUP_MS)

const svelte = (script: string) => `<script lang="ts">\n${script}\n</script>\n\n<p>{x}</p>\n`

describe('renderer/ reaches core only through types from core/api.ts', () => {
  it('accepts `import type` from core/api.ts, in .ts and .svelte files', async () => {
    expect(await lintAt('renderer/lib/bridge.ts', "import type { HearthApi } from '../../core/api.ts'\nexport type { HearthApi }")).toEqual([])
    expect(await lintAt('renderer/views/Unlock.svelte', svelte("  import type { ProfileStatus } from '../../core/api.ts'\n  const x: ProfileStatus | null = null"))).toEqual([])
  })

  it('refuses a value import of core/api.ts, even with inline type specifiers', async () => {
    const cases = [
      "import { type HearthApi } from '../../core/api.ts'\nexport type { HearthApi }",
      "import * as api from '../../core/api.ts'\nexport { api }",
      "import '../../core/api.ts'",
      "export * from '../../core/api.ts'",
      "export const load = () => import('../../core/api.ts')",
    ]
    for (const code of cases) expect(await rulesAt('renderer/lib/profile.svelte.ts', code), code).toContain(`${LAYER}:typeOnly`)
  })

  it('refuses any other core module, even as a type', async () => {
    const cases: [string, string][] = [
      ['renderer/lib/bridge.ts', "import { createService } from '../../core/service.ts'\nexport { createService }"],
      ['renderer/lib/bridge.ts', "import type { HearthService } from '../../core/service.ts'\nexport type { HearthService }"],
      ['renderer/lib/bridge.ts', "export type S = typeof import('../../core/schemas.ts')"],
      ['renderer/App.svelte', svelte("  import { METHOD_NAMES } from '../core/schemas.ts'\n  const x = METHOD_NAMES")],
      ['renderer/lib/x.ts', "import { z } from '../../core/crypto/hash.ts'\nexport { z }"],
    ]
    for (const [file, code] of cases) expect(await rulesAt(file, code), code).toContain(`${LAYER}:outside`)
  })

  it('refuses electron/ and scripts/ from the renderer', async () => {
    expect(await rulesAt('renderer/lib/x.ts', "import { x } from '../../electron/ipc.ts'\nexport { x }")).toContain(`${LAYER}:outside`)
    expect(await rulesAt('renderer/lib/x.ts', "import { x } from '../../scripts/web-host.ts'\nexport { x }")).toContain(`${LAYER}:outside`)
  })

  it('refuses electron and Node builtins', async () => {
    const cases = [
      "import { ipcRenderer } from 'electron'\nexport { ipcRenderer }",
      "import fs from 'node:fs'\nexport { fs }",
      "import fs from 'fs'\nexport { fs }",
      "import { readFile } from 'fs/promises'\nexport { readFile }",
      "import { spawn } from 'child_process'\nexport { spawn }",
      "export const p = () => import('node:path')",
    ]
    for (const code of cases) expect(await rulesAt('renderer/lib/x.ts', code), code).toContain(`${LAYER}:package`)
    expect(await rulesAt('renderer/Main.svelte', svelte("  import { ipcRenderer } from 'electron'\n  const x = ipcRenderer"))).toContain(`${LAYER}:package`)
  })

  it('refuses Node globals, and window.hearth outside the bridge', async () => {
    expect(await rulesAt('renderer/lib/x.ts', 'export const env = process.env')).toContain('no-restricted-globals')
    expect(await rulesAt('renderer/lib/x.ts', 'export const api = window.hearth')).toContain('no-restricted-syntax')
    expect(await lintAt('renderer/lib/bridge.ts', 'export const api = window.hearth')).toEqual([])
  })

  it('accepts imports within renderer/ and of svelte itself', async () => {
    const code = "import { mount } from 'svelte'\nimport { x } from './lib/bridge.ts'\nexport { mount, x }"
    expect(await lintAt('renderer/main.ts', code)).toEqual([])
  })
})

describe('electron/ may use core; its sandboxed preload may not', () => {
  it('lets main-process modules import core', async () => {
    const code = "import { createService } from '../core/service.ts'\nimport { METHOD_NAMES } from '../core/schemas.ts'\nexport { createService, METHOD_NAMES }"
    expect(await lintAt('electron/main.ts', code)).toEqual([])
  })

  it('refuses renderer/ from electron/', async () => {
    expect(await rulesAt('electron/main.ts', "import { x } from '../renderer/lib/bridge.ts'\nexport { x }")).toContain(`${LAYER}:outside`)
  })

  it('lets the preload borrow contract types but nothing that would need a require', async () => {
    expect(await lintAt('electron/preload.cts', "import type { HearthApi } from '../core/api.ts'\nexport type { HearthApi }")).toEqual([])
    expect(await rulesAt('electron/preload.cts', "import { METHOD_NAMES } from '../core/schemas.ts'\nexport { METHOD_NAMES }")).toContain(`${LAYER}:outside`)
    expect(await rulesAt('electron/preload.cts', "import { x } from './ipc.ts'\nexport { x }")).toContain(`${LAYER}:outside`)
    expect(await rulesAt('electron/preload.cts', "import fs = require('node:fs')\nexport = fs")).toContain(`${LAYER}:package`)
  })
})
