/**
 * This device's choice of transports (core/group/transport-choice.ts): both by default, kept
 * across a lock in the sealed personal docs, and shown beside the one in force when the node was
 * started with a transport of its own (`--transport`). The node following the choice without a
 * restart is shown in Chromium through the web host (test/e2e/webrtc-app.test.ts).
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createService, type HearthService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const PASS = 'correct horse battery staple'
const tempDir = useTempDirs()
const services: HearthService[] = []
// close(), not lock(): a lock closes the files in the background, and the temp folder's removal
// (useTempDirs, after this) raced the store still writing there: ENOTEMPTY, now and then under load.
afterEach(async () => {
  for (const s of services.splice(0)) await s.close()
})

async function profile(network?: Parameters<typeof createService>[0]['network']): Promise<HearthService> {
  const svc = createService({ profileDir: path.join(tempDir(), 'p'), kdf: CHEAP_KDF, ...(network ? { network } : {}) })
  services.push(svc)
  await ok(svc.createProfile({ passphrase: PASS, name: 'Fay' }))
  return svc
}

describe('the transport choice', () => {
  it('is both until changed, and the change is kept across a lock', async () => {
    const svc = await profile()
    expect(await ok(svc.transport({}))).toEqual({ choice: 'both', inForce: 'both' })
    expect(await ok(svc.setTransport({ choice: 'webrtc' }))).toEqual({ choice: 'webrtc', inForce: 'webrtc' })
    await ok(svc.lock({}))
    await ok(svc.unlock({ passphrase: PASS }))
    expect(await ok(svc.transport({}))).toEqual({ choice: 'webrtc', inForce: 'webrtc' })
  })

  it('says when a transport given at the start is in force instead', async () => {
    // A DHT nobody runs: this profile has no group, so nothing goes online.
    const svc = await profile({ bootstrap: [{ host: '127.0.0.1', port: 9 }], host: '127.0.0.1', transport: 'hyperswarm' })
    expect(await ok(svc.transport({}))).toEqual({ choice: 'both', inForce: 'hyperswarm' })
    expect(await ok(svc.setTransport({ choice: 'webrtc' }))).toEqual({ choice: 'webrtc', inForce: 'hyperswarm' })
  })

  it('refuses a transport it does not know with INVALID_INPUT', async () => {
    const svc = await profile()
    const r = await svc.setTransport({ choice: 'udp' as never })
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
    expect(await ok(svc.transport({}))).toEqual({ choice: 'both', inForce: 'both' })
  })
})
