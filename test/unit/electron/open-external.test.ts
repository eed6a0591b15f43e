import { beforeEach, describe, expect, it, vi } from 'vitest'
import { openExternalSpy, resetFakeElectron } from './fake-electron.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { checkExternalUrl, createExternalOpener } = await import('../../../electron/open-external.ts')

const HOSTS = ['www.thehotline.org', 'example.org']

describe('openExternal allowlist wrapper', () => {
  beforeEach(resetFakeElectron)

  it('refuses every scheme but https', () => {
    const cases: [string, string][] = [
      ['file:///etc/passwd', 'NOT_HTTPS'],
      ['file://example.org/share/x.exe', 'NOT_HTTPS'],
      ['smb://example.org/share', 'NOT_HTTPS'],
      ['javascript:alert(1)', 'NOT_HTTPS'],
      ['http://example.org/', 'NOT_HTTPS'],
      ['data:text/html,<script>1</script>', 'NOT_HTTPS'],
      ['ftp://example.org/', 'NOT_HTTPS'],
      ['ms-msdt:/id PCWDiagnostic', 'NOT_HTTPS'],
      ['vscode://file/x', 'NOT_HTTPS'],
    ]
    for (const [url, code] of cases) expect(checkExternalUrl(url, HOSTS), url).toEqual({ ok: false, code })
  })

  it('refuses https to a host not on the list, look-alikes, ports and credentials', () => {
    const cases: [string, string][] = [
      ['https://evil.example/', 'HOST_NOT_ALLOWED'],
      ['https://www.thehotline.org.evil.example/', 'HOST_NOT_ALLOWED'],
      ['https://evil-example.org/', 'HOST_NOT_ALLOWED'],
      ['https://sub.example.org/', 'HOST_NOT_ALLOWED'],
      ['https://example.org:8443/', 'HOST_NOT_ALLOWED'],
      ['https://user:pw@example.org/', 'HAS_CREDENTIALS'],
      ['https://example.org@evil.example/', 'HAS_CREDENTIALS'],
    ]
    for (const [url, code] of cases) expect(checkExternalUrl(url, HOSTS), url).toEqual({ ok: false, code })
  })

  it('refuses things that are not URLs at all', () => {
    for (const raw of ['', 'example.org', '//example.org/', 42, null, undefined, { href: 'https://example.org/' }]) {
      expect(checkExternalUrl(raw, HOSTS), String(raw)).toEqual({ ok: false, code: 'NOT_A_URL' })
    }
  })

  it('allows https to a listed host, case-insensitively, and normalises the URL', () => {
    expect(checkExternalUrl('https://WWW.TheHotline.org/help?x=1', HOSTS)).toEqual({ ok: true, url: 'https://www.thehotline.org/help?x=1' })
  })

  it('calls shell.openExternal only for allowed URLs', async () => {
    const open = createExternalOpener(HOSTS)
    for (const url of ['file:///etc/passwd', 'smb://example.org/s', 'javascript:alert(1)', 'http://example.org/', 'https://evil.example/']) {
      expect((await open(url)).ok, url).toBe(false)
    }
    expect(openExternalSpy).not.toHaveBeenCalled()
    expect(await open('https://example.org/resources')).toEqual({ ok: true, url: 'https://example.org/resources' })
    expect(openExternalSpy).toHaveBeenCalledExactlyOnceWith('https://example.org/resources', { activate: true })
  })

  it('reports a failed launch as a code instead of throwing', async () => {
    openExternalSpy.mockRejectedValueOnce(new Error('no browser'))
    expect(await createExternalOpener(HOSTS)('https://example.org/')).toEqual({ ok: false, code: 'OPEN_FAILED' })
  })

  it('cannot be widened after creation by mutating the list passed in', async () => {
    const hosts = ['example.org']
    const open = createExternalOpener(hosts)
    hosts.push('evil.example')
    expect(await open('https://evil.example/')).toEqual({ ok: false, code: 'HOST_NOT_ALLOWED' })
  })
})
