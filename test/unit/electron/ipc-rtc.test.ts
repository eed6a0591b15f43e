/**
 * The WebRTC relay's IPC path (issue 16): `rtcRelay` is held to the same sender check as every
 * call (only our own window's main frame showing our own page), its frames must be bytes within
 * a data channel message's size, and a node that makes its own WebRTC connections refuses it.
 * Electron itself cannot start here: the shell's IPC runs on the test double (fake-electron.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../core/api.ts'
import { createService, type HearthService } from '../../../core/service.ts'
import { FakeWebContents, invokeEvent, ipcHandlers, resetFakeElectron } from './fake-electron.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { registerIpc } = await import('../../../electron/ipc.ts')
const { isAppUrl } = await import('../../../electron/paths.ts')

const INDEX = path.resolve('/opt/hearth/dist/renderer/index.html')
const APP_URL = pathToFileURL(INDEX).href
const FRAMES = { kind: 'frames', peer: 1, frames: [new Uint8Array([1, 2, 3])] }

let dir: string
const services: HearthService[] = []
let window: FakeWebContents
let dispose: () => void

function start(webrtcInPage: boolean): HearthService {
  resetFakeElectron()
  const service = createService({ profileDir: path.join(dir, `profile-${services.length}`), kdf: CHEAP_KDF, webrtcInPage })
  services.push(service)
  window = new FakeWebContents()
  dispose = registerIpc({ service, target: () => window as never, isAppUrl: (url) => isAppUrl(url, INDEX) })
  return service
}

async function relay(input: unknown, event = invokeEvent(window, APP_URL)): Promise<Result<unknown>> {
  const handler = ipcHandlers.get('hearth:rtcRelay')
  if (!handler) throw new Error('no rtcRelay channel')
  return (await handler(event, input)) as Result<unknown>
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-ipc-rtc-'))
})
afterEach(async () => {
  dispose()
  await Promise.all(services.splice(0).map((s) => s.close()))
  await rm(dir, { recursive: true, force: true })
})

describe('the WebRTC relay over IPC', () => {
  it('takes frames as bytes from our own page', async () => {
    start(true)
    expect(await relay(FRAMES)).toEqual({ ok: true, value: { relayed: true } })
  })

  it('refuses a foreign sender before the node sees anything', async () => {
    const service = start(true)
    const spy = vi.spyOn(service, 'call')
    for (const event of [invokeEvent(window, 'https://evil.example/index.html'), invokeEvent(new FakeWebContents(), APP_URL), invokeEvent(window, APP_URL, { url: APP_URL })]) {
      expect(await relay(FRAMES, event as never)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    }
    expect(spy).not.toHaveBeenCalled()
  })

  it('refuses frames that are not bytes, too large, or with keys the contract does not have', async () => {
    start(true)
    const bad = [
      { kind: 'frames', peer: 1, frames: [[1, 2, 3]] },
      { kind: 'frames', peer: 1, frames: [new Uint8Array(64 * 1024 + 1)] },
      { kind: 'frames', peer: 1, frames: [] },
      { ...FRAMES, key: new Uint8Array(32) },
      { kind: 'local-description', peer: 1, sdp: 'x'.repeat(64 * 1024 + 1), type: 'offer' },
    ]
    for (const input of bad) expect(await relay(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('is refused by a node that makes its own WebRTC connections', async () => {
    start(false)
    expect(await relay(FRAMES)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
  })
})
