/**
 * The page Electron loads must work under a strict CSP: the policy itself is checked here, and
 * a real `vite build` (into a temp folder) is checked for anything the policy would block —
 * inline scripts or styles, module scripts that file:// cannot load, remote references.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')

function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!meta?.[1]) throw new Error('no CSP meta tag')
  return new Map(
    meta[1].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name = '', ...sources] = d.split(/\s+/)
      return [name, sources] as [string, string[]]
    }),
  )
}

describe('renderer CSP', () => {
  const html = readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8')

  it('is strict: nothing but our own files, no inline code, no eval', () => {
    const csp = cspOf(html)
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:'])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    const all = [...csp.values()].flat()
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'ws:', 'wss:', 'file:', 'blob:']) {
      expect(all, bad).not.toContain(bad)
    }
  })

  it('comes before anything it must govern', () => {
    const at = html.search(/http-equiv="Content-Security-Policy"/i)
    expect(at).toBeGreaterThan(0)
    expect(at).toBeLessThan(html.search(/<script|<link/i))
  })

  it('is not weakened by main: electron/ never loads a URL, only the packaged file', () => {
    for (const file of readdirSync(path.join(ROOT, 'electron'))) {
      const src = readFileSync(path.join(ROOT, 'electron', file), 'utf8')
      expect(src, file).not.toMatch(/loadURL\s*\(/)
      expect(src, file).not.toMatch(/Content-Security-Policy/i)
    }
  })
})

describe('renderer build output', () => {
  let out: string
  let page: string

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'hearth-renderer-'))
    // Vitest sets NODE_ENV=test, which would make this a development build; check what ships.
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } })
    } finally {
      process.env.NODE_ENV = nodeEnv
    }
    page = readFileSync(path.join(out, 'index.html'), 'utf8')
  }, 120_000)

  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('has no inline script or style for the CSP to block', () => {
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/)
      expect(body.trim()).toBe('')
    }
    expect(page).not.toMatch(/<style/i)
    expect(page).not.toMatch(/\sstyle=/i)
    expect(page).not.toMatch(/\son[a-z]+=/i)
  })

  it('loads as a classic deferred script, which works from file:// with the file-privileges fuse off', () => {
    expect(page).not.toMatch(/type="module"/)
    expect(page).not.toMatch(/crossorigin/)
    expect(page).not.toMatch(/modulepreload/)
    expect(page).toMatch(/<script defer src=/)
  })

  it('references only relative files that exist, with component CSS in a stylesheet', () => {
    const refs = [...page.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(refs.length).toBeGreaterThanOrEqual(2)
    for (const ref of refs) {
      expect(ref).toMatch(/^\.\/assets\//)
      expect(existsSync(path.join(out, ref)), ref).toBe(true)
    }
    const css = refs.filter((r) => r.endsWith('.css')).map((r) => readFileSync(path.join(out, r), 'utf8')).join('\n')
    expect(css).toMatch(/\.quick-exit/)
    expect(css).toMatch(/prefers-color-scheme:\s*dark/)
  })

  it('ships a production bundle with no eval-style code and no network calls', () => {
    const js = readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(out, 'assets', f), 'utf8')).join('\n')
    expect(js).not.toMatch(/componentTag/)
    expect(js).not.toMatch(/\beval\(|new Function\(/)
    expect(js).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/)
  })
})
