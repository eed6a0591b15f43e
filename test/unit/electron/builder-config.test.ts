import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

describe('electron-builder.yml', () => {
  it('flips every fuse the hardening checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs into asar but unpacks native modules and their prebuilds', () => {
    expect(config.asar).toBe(true)
    const unpack = config.asarUnpack as string[]
    for (const pattern of ['**/*.node', '**/node_modules/sodium-native/**', '**/node_modules/rocksdb-native/**', '**/node_modules/udx-native/**']) {
      expect(unpack).toContain(pattern)
    }
  })

  it('has a neutral identity and the agreed targets', () => {
    expect(config.productName).toBe('Hearth')
    expect(String(config.appId)).toMatch(/^[a-z0-9.]+$/)
    for (const field of [config.appId, config.productName]) {
      expect(String(field)).not.toMatch(/abuse|support|survivor|violence|victim|safety/i)
    }
    const targets = (os: string) => (config[os] as { target: string[] }).target
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('win')).toEqual(['nsis'])
  })

  it('ships the compiled app and the package entry that points into it', () => {
    const files = config.files as string[]
    expect(files).toContain('dist/**/*')
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('dist/electron/main.js')
  })

  it('builds against a supported Electron (45 or newer)', () => {
    const electron = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
    expect(Number(electron.version.split('.')[0])).toBeGreaterThanOrEqual(45)
  })
})
