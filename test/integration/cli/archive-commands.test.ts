/**
 * `hearth export` and `hearth restore` as a person or script runs them: the real command in its
 * own processes, real profiles. The archive passphrase comes from HEARTH_ARCHIVE_PASSPHRASE;
 * progress goes to stderr; a readable export warns; the JSON export validates against its schema;
 * a restore into a folder with no profile makes one and shows the same feed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportSchema } from '../../../core/archive/export-json-schema.ts'
import { runCli } from '../../helpers/cli.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const env = { HEARTH_PASSPHRASE: 'a long passphrase for the cli', HEARTH_ARCHIVE_PASSPHRASE: 'archive words, kept apart' }

describe('hearth export and restore', () => {
  it('exports an archive and readable files, and restores the archive into a new profile', async () => {
    const dir = tempDir()
    const a = path.join(dir, 'a')
    const b = path.join(dir, 'b')
    expect((await runCli(['init', '--profile', a, '--name', 'Alder'], env)).code).toBe(0)
    const group = (await runCli(['group', 'create', '--profile', a, '--name', 'Circle', '--json'], env)).json as { id: string }
    await runCli(['post', '--profile', a, '--group', group.id, '--text', 'a hard week', '--cw', 'mentions a fight', '--topic', 'check-in'], env)
    await runCli(['post', '--profile', a, '--group', group.id, '--text', 'a good day', '--topic', 'celebration'], env)

    const archive = path.join(dir, 'circle.hearth')
    const exported = await runCli(['export', '--profile', a, '--group', group.id, '--format', 'archive', '--out', archive, '--json'], env)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.json).toMatchObject({ path: archive, items: 4 })
    expect(exported.stderr).toMatch(/^hearth: exported 4\/4$/m)

    const json = path.join(dir, 'circle.json')
    const readable = await runCli(['export', '--profile', a, '--group', group.id, '--format', 'json', '--out', json, '--topic', 'check-in', '--json'], env)
    expect(readable.code, readable.stderr).toBe(0)
    expect(readable.stderr).toContain('can be read by anyone who opens the file')
    const doc = exportSchema.parse(JSON.parse(readFileSync(json, 'utf8')))
    expect(doc.posts.map((p) => [p.text, p.cw])).toEqual([['a hard week', 'mentions a fight']])

    const md = path.join(dir, 'circle.md')
    expect((await runCli(['export', '--profile', a, '--group', group.id, '--format', 'md', '--out', md, '--from', '2000-01-01', '--to', '2000-12-31'], env)).code).toBe(0)
    expect(readFileSync(md, 'utf8')).not.toContain('a good day')

    const wrong = await runCli(['restore', archive, '--profile', b, '--json'], { ...env, HEARTH_ARCHIVE_PASSPHRASE: 'not the archive words' })
    expect(wrong.code).toBe(1)
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'ARCHIVE_PASSPHRASE' } })
    const restored = await runCli(['restore', archive, '--profile', b, '--json'], env)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.json).toEqual({ id: group.id, name: 'Circle', mode: 'survivor-led', role: 'facilitator' })
    const feedA = (await runCli(['feed', '--profile', a, '--group', group.id, '--json'], env)).json
    const feedB = (await runCli(['feed', '--profile', b, '--group', group.id, '--json'], env)).json
    expect(feedB).toEqual(feedA)
  }, 90_000)

  it('writes a readable file in the language asked for; an unknown one is refused with its code', async () => {
    const dir = tempDir()
    const a = path.join(dir, 'a')
    expect((await runCli(['init', '--profile', a, '--name', 'Alder'], env)).code).toBe(0)
    const group = (await runCli(['group', 'create', '--profile', a, '--name', 'Circle', '--json'], env)).json as { id: string }
    await runCli(['post', '--profile', a, '--group', group.id, '--text', 'a hard week', '--cw', 'mentions a fight'], env)

    const html = path.join(dir, 'circle.html')
    const es = await runCli(['export', '--profile', a, '--group', group.id, '--format', 'html', '--out', html, '--language', 'es'], env)
    expect(es.code, es.stderr).toBe(0)
    // The CLI's own words stay English; the file's own words are Spanish; members' words as written.
    expect(es.stderr).toContain('can be read by anyone who opens the file')
    const page = readFileSync(html, 'utf8')
    expect(page).toMatch(/^<!doctype html>\n<html lang="es" dir="ltr">/)
    expect(page).toContain('Aviso de contenido: <bdi>mentions a fight</bdi>')
    expect(page).toContain('a hard week')

    const unknown = await runCli(['export', '--profile', a, '--group', group.id, '--format', 'md', '--out', path.join(dir, 'x.md'), '--language', 'xx', '--json'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(JSON.stringify(unknown.json)).toContain('en, es, fr, ar, de, pl, pt')
    const archive = await runCli(['export', '--profile', a, '--group', group.id, '--format', 'archive', '--out', path.join(dir, 'x.hearth'), '--language', 'es', '--json'], env)
    expect(archive.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  }, 90_000)
})
