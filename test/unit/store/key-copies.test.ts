/**
 * Keys handed to the vault and taken from it are copies that share no memory with anything else
 * (core/crypto/wipe.ts `copyBytes`). A newcomer's keys arrive from the welcome as Node Buffers, whose
 * `slice()` is a view: the vault once kept such a view, every "copy" taken from it was another
 * view, and the WebRTC meeting's wipe of its copy of an epoch key zeroed the group's own key, so
 * no block opened ("the group has no genesis event"). Each assertion fails with `slice()` back.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyBytes, wipe } from '../../../core/crypto/wipe.ts'
import { Vault } from '../../../core/store/vault.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const KEY_HEX = 'a1'.repeat(32)

describe('key copies', () => {
  it('copyBytes shares no memory with a Buffer', () => {
    const original = Buffer.from(KEY_HEX, 'hex')
    wipe(copyBytes(original))
    expect(original.toString('hex')).toBe(KEY_HEX)
  })

  it('the vault keeps its own copy of a Buffer it was given, and what is copied from it can be wiped', async () => {
    const dir = path.join(tempDir(), 'profile')
    const vault = new Vault(dir)
    await vault.create(PASS)
    const given = Buffer.from(KEY_HEX, 'hex')
    await vault.setMany([['group/epoch', given]])
    wipe(given)
    expect(Buffer.from(vault.get('group/epoch') as Uint8Array).toString('hex')).toBe(KEY_HEX)
    // What a reader of the vault does before handing a key on (group-registry.ts, group-space.ts).
    wipe(copyBytes(vault.get('group/epoch') as Uint8Array))
    wipe((vault.get('group/epoch') as Uint8Array).slice())
    expect(Buffer.from(vault.get('group/epoch') as Uint8Array).toString('hex')).toBe(KEY_HEX)
    await vault.set('other', Buffer.from('b2'.repeat(32), 'hex'))
    vault.lock()
    const again = new Vault(dir)
    await again.unlock(PASS)
    expect(Buffer.from(again.get('group/epoch') as Uint8Array).toString('hex')).toBe(KEY_HEX)
  })
})
