/**
 * Writes the format fixtures that pin Hearth's encodings (DESIGN.md §3.2): for now the device-log
 * block, version 1, as test/fixtures/blocks/v1-*.bin plus v1.json naming every input.
 *
 *   npx tsx scripts/gen-fixtures.ts
 *
 * Deterministic: a fixed key and a fixed nonce per fixture, through the codec's fixtures-only
 * encoder. Run it only when adding a fixture or deliberately introducing a new format version;
 * the unit test re-encodes every fixture and fails on any byte that moves, which is the point.
 * Never regenerate v1 files to make that test pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BlockKind, encodeBlockWithFixedNonceForFixtures, type Block } from '../core/store/block-codec.ts'

interface BlockFixture {
  file: string
  epoch: number
  kind: BlockKind
  docId: string
  payloadHex: string
  nonceHex: string
}

interface BlockFixtureSet {
  format: 'hearth-block'
  version: 1
  keyHex: string
  fixtures: BlockFixture[]
}

const bytes = (n: number, f: (i: number) => number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** Not a secret: a fixture key anyone can read, so anyone can check the fixtures. */
const KEY = bytes(32, (i) => 0xa0 + i)

const CASES: { file: string; block: Block; nonce: Uint8Array }[] = [
  {
    file: 'v1-yjs-update.bin',
    block: { epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/5b0a3c9e', payload: Uint8Array.of(1, 1, 0x9c, 0x8f, 0x01, 0, 4, 1, 4, 0x70, 0x6f, 0x73, 0x74, 0) },
    nonce: bytes(24, (i) => i),
  },
  {
    file: 'v1-governance.bin',
    block: { epoch: 3, kind: BlockKind.Governance, docId: 'group/governance', payload: new TextEncoder().encode('{"type":"invite.revoke","invite":"k3"}') },
    nonce: bytes(24, (i) => 0xff - i),
  },
  {
    file: 'v1-checkpoint.bin',
    block: { epoch: 0x01020304, kind: BlockKind.Checkpoint, docId: 'shared/rules', payload: bytes(300, (i) => i * 7) },
    nonce: bytes(24, (i) => i * 13 + 5),
  },
  {
    file: 'v1-longest-doc-id.bin',
    block: { epoch: 0xffffffff, kind: BlockKind.YjsUpdate, docId: `shared/${'z'.repeat(248)}`, payload: Uint8Array.of(0) },
    nonce: new Uint8Array(24),
  },
]

const BLOCK_FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/blocks/', import.meta.url))

function writeBlockFixtures(): string[] {
  mkdirSync(BLOCK_FIXTURE_DIR, { recursive: true })
  const set: BlockFixtureSet = { format: 'hearth-block', version: 1, keyHex: hex(KEY), fixtures: [] }
  for (const c of CASES) {
    writeFileSync(path.join(BLOCK_FIXTURE_DIR, c.file), encodeBlockWithFixedNonceForFixtures(c.block, KEY, c.nonce))
    const { epoch, kind, docId, payload } = c.block
    set.fixtures.push({ file: c.file, epoch, kind, docId, payloadHex: hex(payload), nonceHex: hex(c.nonce) })
  }
  writeFileSync(path.join(BLOCK_FIXTURE_DIR, 'v1.json'), JSON.stringify(set, null, 2) + '\n')
  return [...CASES.map((c) => c.file), 'v1.json']
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of writeBlockFixtures()) console.log(`wrote ${path.relative(process.cwd(), path.join(BLOCK_FIXTURE_DIR, f))}`)
}
