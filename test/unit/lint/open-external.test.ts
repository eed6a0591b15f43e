import { beforeAll, describe, expect, it } from 'vitest'
import { ESLINT_STARTUP_MS, lintAt, rulesAt, warmUpEslint } from './lint-helper.ts'

beforeAll(warmUpEslint, ESLINT_STARTUP_MS)

const RULE = 'no-restricted-syntax'

describe('shell.openExternal only inside electron/open-external.ts', () => {
  it('refuses it everywhere else, however it is reached', async () => {
    const cases: [string, string][] = [
      ['electron/main.ts', "import { shell } from 'electron'\nexport const go = (u: string) => shell.openExternal(u)"],
      ['electron/window.ts', "import { shell } from 'electron'\nconst { openExternal } = shell\nexport { openExternal }"],
      ['electron/ipc.ts', "import { shell } from 'electron'\nexport const go = (u: string) => shell['openExternal'](u)"],
      ['electron/ipc.ts', "import * as electron from 'electron'\nexport const go = (u: string) => electron.shell.openExternal(u)"],
      ['scripts/hearth.ts', 'export const go = (s: { openExternal(u: string): void }) => s.openExternal("https://x")'],
      ['test/unit/x.test.ts', 'export const go = (s: { openExternal(u: string): void }) => s.openExternal("https://x")'],
      ['core/service.ts', 'export const go = (s: { openExternal(u: string): void }) => s.openExternal("https://x")'],
    ]
    for (const [file, code] of cases) expect(await rulesAt(file, code), `${file}: ${code}`).toContain(RULE)
  })

  it('allows the wrapper itself', async () => {
    const code = "import { shell } from 'electron'\nexport const go = (u: string) => shell.openExternal(u)"
    expect(await lintAt('electron/open-external.ts', code)).toEqual([])
  })
})
