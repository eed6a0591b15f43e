/**
 * Runs electron/preload.cts the way a sandboxed renderer does: as CommonJS inside a wrapper that
 * supplies a `require` which knows only 'electron'. So this also proves the preload needs
 * nothing a sandbox cannot give it.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'
import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../core/schemas.ts'

const SOURCE = path.resolve(import.meta.dirname, '../../../electron/preload.cts')

function loadPreload() {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: 'preload.cts',
  })
  const exposed: { key: string; api: unknown }[] = []
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })) })
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
    ipcRenderer,
  }
  const required: string[] = []
  const sandboxRequire = (id: string) => {
    required.push(id)
    if (id === 'electron') return electron
    throw new Error(`module not found in sandbox: ${id}`)
  }
  const wrapper = vm.runInNewContext(`(function (require, process, exports, module) {\n${outputText}\n})`, {}) as (...a: unknown[]) => void
  const exports = {}
  wrapper(sandboxRequire, {}, exports, { exports })
  return { exposed, ipcRenderer, required }
}

type Api = Record<string, (...args: unknown[]) => unknown>

describe('preload', () => {
  it('requires nothing but electron', () => {
    expect(loadPreload().required).toEqual(['electron'])
  })

  it('exposes one frozen object of functions, one per contract method plus on', () => {
    const { exposed } = loadPreload()
    expect(exposed.map((e) => e.key)).toEqual(['hearth', 'hearthShell'])
    const api = exposed[0]?.api as Api
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort())
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function')
  })

  it('never hands out ipcRenderer or its methods', () => {
    const { exposed, ipcRenderer } = loadPreload()
    const api = exposed[0]?.api as Api
    const leaked = Object.values(api).filter((v) => v === (ipcRenderer as unknown) || Object.values(ipcRenderer).includes(v) || v === ipcRenderer.invoke || v === ipcRenderer.on)
    expect(leaked).toEqual([])
    for (const key of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'removeListener']) expect(api).not.toHaveProperty(key)
  })

  it('maps each method to its own channel with the input untouched', async () => {
    const { exposed, ipcRenderer } = loadPreload()
    const api = exposed[0]?.api as Api
    await api.unlock?.({ passphrase: 'p' })
    await api.profileStatus?.({})
    expect(ipcRenderer.invoke.mock.calls).toEqual([['hearth:unlock', { passphrase: 'p' }], ['hearth:profileStatus', {}]])
  })

  it('delivers only the named event, only its payload, and unsubscribes', () => {
    const { exposed, ipcRenderer } = loadPreload()
    const api = exposed[0]?.api as Api
    const seen: unknown[] = []
    const off = api.on?.('locked', (p: unknown) => seen.push(p)) as () => void
    const fakeEvent = { sender: ipcRenderer, ports: [] }
    ipcRenderer.emit('hearth:event', fakeEvent, { event: 'unlocked', payload: {} })
    ipcRenderer.emit('hearth:event', fakeEvent, { event: 'locked', payload: { reason: 'idle' } })
    ipcRenderer.emit('hearth:event', fakeEvent, undefined)
    expect(seen).toEqual([{ reason: 'idle' }])
    off()
    ipcRenderer.emit('hearth:event', fakeEvent, { event: 'locked', payload: { reason: 'user' } })
    expect(seen).toHaveLength(1)
    expect(ipcRenderer.listenerCount('hearth:event')).toBe(0)
  })

  it('ignores subscriptions to unknown events or without a handler', () => {
    const { exposed, ipcRenderer } = loadPreload()
    const api = exposed[0]?.api as Api
    for (const args of [['nope', () => 1], ['__proto__', () => 1], ['locked', 'not a function']]) {
      const off = api.on?.(...args)
      expect(typeof off).toBe('function')
    }
    expect(ipcRenderer.listenerCount('hearth:event')).toBe(0)
  })
})

describe('preload: the shell calls', () => {
  it('exposes only the two dialog calls, frozen, each on its own channel', async () => {
    const { exposed, ipcRenderer } = loadPreload()
    const shell = exposed.find((e) => e.key === 'hearthShell')?.api as Api
    expect(Object.isFrozen(shell)).toBe(true)
    expect(Object.keys(shell).sort()).toEqual(['chooseOpenPath', 'chooseSavePath'])
    await shell.chooseSavePath?.({ kind: 'txt', suggestedName: 'plan' })
    await shell.chooseOpenPath?.({ kind: 'hearth' })
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['hearth-shell:choose-save-path', { kind: 'txt', suggestedName: 'plan' }],
      ['hearth-shell:choose-open-path', { kind: 'hearth' }],
    ])
  })
})
