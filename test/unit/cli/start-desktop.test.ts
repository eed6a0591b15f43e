/**
 * `npm start` without Electron's binary (issue 17): one plain paragraph that offers `npm run web`,
 * never a stack trace, and a failing exit code; with the binary, Electron is started on the folder.
 */
import { EventEmitter } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { launch, NO_ELECTRON } from '../../../scripts/start-desktop.ts'

function fakeChild(then: (c: EventEmitter) => void): ChildProcess {
  const c = new EventEmitter()
  queueMicrotask(() => then(c))
  return c as unknown as ChildProcess
}

describe('npm start', () => {
  it('says plainly what happened and offers npm run web when the binary cannot be fetched', async () => {
    const printed: string[] = []
    const code = await launch({
      resolve: () => { throw new Error('Electron failed to install correctly. at Object.<anonymous> (index.js:12:11)') },
      spawn: () => { throw new Error('must not spawn') },
      print: (t) => printed.push(t),
    })
    expect(code).toBe(1)
    expect(printed).toEqual([NO_ELECTRON])
    expect(NO_ELECTRON).toContain('npm run web')
    expect(NO_ELECTRON).not.toMatch(/\n|\bat \w|Error/)
  })

  it('says the same when the binary is there but cannot run', async () => {
    const printed: string[] = []
    const code = await launch({
      resolve: () => '/nowhere/electron',
      spawn: () => fakeChild((c) => c.emit('error', Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }))),
      print: (t) => printed.push(t),
    })
    expect(code).toBe(1)
    expect(printed).toEqual([NO_ELECTRON])
  })

  it('starts Electron on the folder and leaves with its exit code', async () => {
    const calls: [string, string[]][] = []
    const code = await launch({
      resolve: () => '/opt/electron',
      spawn: (cmd, args) => {
        calls.push([cmd, args])
        return fakeChild((c) => c.emit('exit', 0, null))
      },
      print: () => { throw new Error('nothing to say') },
    })
    expect(code).toBe(0)
    expect(calls).toEqual([['/opt/electron', ['.']]])
  })
})
