import { describe, expect, it } from 'vitest'
import { appNetwork } from '../../../electron/app-network.ts'
import { HearthError } from '../../../core/errors.ts'

describe('where the desktop app syncs', () => {
  it('is the public DHT unless HEARTH_BOOTSTRAP names another, and never "off the network"', () => {
    expect(appNetwork({})).toEqual({})
    expect(appNetwork({ HEARTH_BOOTSTRAP: '127.0.0.1:49737' })).toEqual({ bootstrap: [{ host: '127.0.0.1', port: 49737 }], host: '127.0.0.1' })
  })

  it('refuses a bad HEARTH_BOOTSTRAP with a coded error that names it', () => {
    let e: unknown
    try {
      appNetwork({ HEARTH_BOOTSTRAP: 'not an address' })
    } catch (err) {
      e = err
    }
    expect(e).toBeInstanceOf(HearthError)
    expect((e as HearthError).code).toBe('INVALID_INPUT')
    expect((e as HearthError).message).toMatch(/HEARTH_BOOTSTRAP wants HOST:PORT/)
  })
})
