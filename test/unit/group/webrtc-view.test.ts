/**
 * The group's WebRTC setting as the API shows it (core/group/webrtc-handlers.ts): a TURN
 * credential is never shown back, and a facilitator who saves the setting again with the same
 * TURN address and user name but no credential keeps the one saved; a user name that never had
 * one is refused as before (INVALID_INPUT, no credential echoed).
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createService, type HearthService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const SECRET = 'turn-secret-never-shown'
const TURN = 'turn:turn.example.org?transport=tcp'
const tempDir = useTempDirs()
const services: HearthService[] = []
// close(), not lock(): a lock closes the files in the background, and the temp folder's removal
// (useTempDirs, after this) raced the store still writing there: ENOTEMPTY, now and then under load.
afterEach(async () => {
  for (const s of services.splice(0)) await s.close()
})

describe('the WebRTC setting’s view', () => {
  it('never shows a credential, and keeps the saved one when it is left out', async () => {
    const svc = createService({ profileDir: path.join(tempDir(), 'p'), kdf: CHEAP_KDF })
    services.push(svc)
    await ok(svc.createProfile({ passphrase: 'correct horse battery staple', name: 'Fay' }))
    const { id: groupId } = await ok(svc.createGroup({ name: 'Circle', mode: 'survivor-led', pseudonym: 'Fay' }))

    // No credential saved yet: a user name alone is refused, naming no secret.
    const bare = await svc.setWebrtc({ groupId, signal: ['ws://127.0.0.1:4444'], ice: [{ url: TURN, username: 'circle' }] })
    expect(bare.ok ? 'ok' : bare.error.code).toBe('INVALID_INPUT')

    const set = await ok(svc.setWebrtc({ groupId, signal: ['ws://127.0.0.1:4444'], ice: [{ url: 'stun:stun.example.org' }, { url: TURN, username: 'circle', credential: SECRET }] }))
    expect(set.ice).toEqual([{ url: 'stun:stun.example.org' }, { url: TURN, username: 'circle', hasCredential: true }])
    expect(JSON.stringify(set)).not.toContain(SECRET)
    expect(JSON.stringify(await ok(svc.webrtcSetting({ groupId })))).not.toContain(SECRET)

    // Saved again as the panel sends it, with the password field left empty: the credential stays.
    const again = await ok(svc.setWebrtc({ groupId, signal: ['ws://127.0.0.1:5555'], ice: [{ url: TURN, username: 'circle' }] }))
    expect(again).toMatchObject({ signal: ['ws://127.0.0.1:5555'], ice: [{ url: TURN, username: 'circle', hasCredential: true }] })
    // Another user name is another credential: not carried over.
    const other = await svc.setWebrtc({ groupId, signal: [], ice: [{ url: TURN, username: 'someone-else' }] })
    expect(other.ok ? 'ok' : other.error.code).toBe('INVALID_INPUT')
    expect(other.ok ? '' : other.error.message).not.toContain(SECRET)
  })
})
