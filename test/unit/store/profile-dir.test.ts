import { describe, expect, it } from 'vitest'
import { defaultProfileDir } from '../../../core/store/profile-dir.ts'

describe('default profile folder', () => {
  it('matches where Electron keeps userData for an app named Hearth', () => {
    expect(defaultProfileDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Hearth/profile')
    expect(defaultProfileDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/Hearth/profile')
    expect(defaultProfileDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Hearth/profile')
  })
})
