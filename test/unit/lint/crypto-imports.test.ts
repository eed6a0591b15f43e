import { beforeAll, describe, expect, it } from 'vitest'
import { ESLINT_STARTUP_MS, lintAt, rulesAt, warmUpEslint } from './lint-helper.ts'

beforeAll(warmUpEslint, ESLINT_STARTUP_MS)

const RULE = 'no-restricted-imports'

describe('raw NaCl libraries only inside core/crypto/', () => {
  it('refuses tweetnacl, sodium-native and the raw binding elsewhere in core', async () => {
    const cases: [string, string][] = [
      ['core/store/x.ts', "import nacl from 'tweetnacl'\nexport const n = nacl"],
      ['core/group/x.ts', "import sodium from 'sodium-native'\nexport const s = sodium"],
      ['core/store/x.ts', "import { sodium } from '../crypto/sodium.ts'\nexport const s = sodium"],
    ]
    for (const [file, code] of cases) expect(await rulesAt(file, code), `${file}: ${code}`).toContain(RULE)
  })

  it('allows them in core/crypto/ and the providers everywhere in core', async () => {
    expect(await lintAt('core/crypto/x.ts', "import nacl from 'tweetnacl'\nexport const n = nacl")).toEqual([])
    expect(await lintAt('core/store/x.ts', "import { fastProvider } from '../crypto/provider-sodium.ts'\nexport const p = fastProvider")).toEqual([])
  })
})
