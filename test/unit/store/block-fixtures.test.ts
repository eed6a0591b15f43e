/**
 * Pins block format v1 (DESIGN.md §3.2). Each fixture in test/fixtures/blocks must decode to the
 * inputs v1.json names, re-encode to the same bytes with the same nonce, and match the layout
 * read by hand here (without the codec), so a change to encoder and decoder together still fails.
 * Fixtures come from scripts/gen-fixtures.ts and are never regenerated to make this pass.
 */
import { readFileSync } from 'node:fs'
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { decodeBlock, encodeBlockWithFixedNonceForFixtures, type BlockKind } from '../../../core/store/block-codec.ts'

const dir = new URL('../../fixtures/blocks/', import.meta.url)
const hexBytes = z.string().regex(/^([0-9a-f]{2})*$/).transform((h) => new Uint8Array(Buffer.from(h, 'hex')))
const FixtureSet = z.strictObject({
  format: z.literal('hearth-block'),
  version: z.literal(1),
  keyHex: hexBytes,
  fixtures: z.array(
    z.strictObject({
      file: z.string().regex(/^v1-[a-z0-9-]+\.bin$/),
      epoch: z.number().int(),
      kind: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      docId: z.string(),
      payloadHex: hexBytes,
      nonceHex: hexBytes,
    }),
  ).min(4),
})
const set = FixtureSet.parse(JSON.parse(readFileSync(new URL('v1.json', dir), 'utf8')))
const key = set.keyHex

describe('block format v1 fixtures', () => {
  for (const f of set.fixtures) {
    const bytes = new Uint8Array(readFileSync(new URL(f.file, dir)))
    const block = { epoch: f.epoch, kind: f.kind as BlockKind, docId: f.docId, payload: f.payloadHex }

    it(`${f.file} decodes to its inputs`, () => {
      expect(decodeBlock(bytes, (e) => (e === f.epoch ? key : undefined))).toEqual(block)
    })

    it(`${f.file} re-encodes to the same bytes`, () => {
      expect(Buffer.from(encodeBlockWithFixedNonceForFixtures(block, key, f.nonceHex)).equals(Buffer.from(bytes))).toBe(true)
    })

    it(`${f.file} has the documented layout`, () => {
      expect(bytes[0]).toBe(1)
      expect(Buffer.from(bytes).readUInt32LE(1)).toBe(f.epoch)
      expect([...bytes.subarray(5, 29)]).toEqual([...f.nonceHex])
      const plain = nacl.secretbox.open(bytes.subarray(29), f.nonceHex, key)
      const id = new TextEncoder().encode(f.docId)
      expect(plain && [...plain]).toEqual([f.kind, id.length, ...id, ...f.payloadHex])
    })
  }
})
