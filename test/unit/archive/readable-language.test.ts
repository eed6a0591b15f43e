/**
 * Readable copies in the language of the person who makes them (issue 18), through the real
 * service on a real profile: a Spanish and an Arabic group export (HTML and Markdown), the safety
 * plan and the incident record in both, JSON byte-identical whatever the language, an unknown tag
 * giving English and a malformed one its code, members' words never translated, and nothing
 * readable written anywhere but the path the person chose (canary scan).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readableEn } from '../../../core/readable-words/en.ts'
import { READABLE_LANGUAGES, readableWords } from '../../../core/readable-words/index.ts'
import { createService } from '../../../core/service.ts'
import { listFiles, scanForCanaries } from '../../helpers/canary.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const NOW = Date.UTC(2026, 11, 6, 9)
const POST_CANARY = 'CANARY-lang-post-HEARTH'
const PLAN_CANARY = 'CANARY-lang-plan-HEARTH'

async function group() {
  const root = tempDir()
  const svc = createService({ profileDir: path.join(root, 'p'), kdf: CHEAP_KDF, now: () => NOW })
  await ok(svc.createProfile({ passphrase: 'profile passphrase', name: 'سارة' }))
  const g = await ok(svc.createGroup({ name: 'Circle' }))
  const p = await ok(svc.post({ groupId: g.id, text: `I am still here ${POST_CANARY}`, topic: 'check-in' }))
  await ok(svc.post({ groupId: g.id, text: 'the hard part', cw: 'costs $& and $1', topic: 'story' }))
  await ok(svc.react({ groupId: g.id, to: p.id, kind: 'believe' }))
  await ok(svc.saveSafetyPlan({ sections: { safePlaces: `my aunt's ${PLAN_CANARY}` } }))
  await ok(svc.saveJournalEntry({ occurredAt: '2026-11-20T21:15', what: 'he took my phone' }))
  return { svc, root, groupId: g.id }
}

describe('readable copies in the exporter\'s language', () => {
  it('Spanish: Hearth\'s words and dates in Spanish, members\' words as written, nothing readable elsewhere', async () => {
    const { svc, root, groupId } = await group()
    const chosen = path.join(root, 'chosen')
    mkdirSync(chosen)
    const file = path.join(chosen, 'es.html')
    await ok(svc.exportGroup({ groupId, format: 'html', path: file, language: 'es-MX' }))
    const html = readFileSync(file, 'utf8')
    expect(html).toMatch(/^<!doctype html>\n<html lang="es" dir="ltr">/)
    expect(html).toContain('Exportado desde Hearth el <time datetime="2026-12-06T09:00:00.000Z">6 de diciembre de 2026')
    expect(html).toContain('<summary>Aviso de contenido: <bdi>costs $&amp; and $1</bdi> (abre para leer)</summary>')
    expect(html).toContain('Te creo: 1')
    expect(html).toContain(`<p class="text" dir="auto">I am still here ${POST_CANARY}</p>`)
    expect(html).not.toMatch(/Exported from|Content warning|I believe you/)

    const md = (await ok(svc.readableCopy({ kind: 'group', groupId, format: 'md', language: 'es' }))).text
    expect(md).toContain('Exportado desde Hearth el 6 de diciembre de 2026')
    expect(md).toContain('**Aviso de contenido: costs $& and $1**')
    expect(md).toContain('Reacciones: Te creo 1')

    const plan = (await ok(svc.readableCopy({ kind: 'safety-plan', language: 'es' }))).text
    expect(plan.split('\n').slice(0, 5)).toEqual(['MI PLAN DE SEGURIDAD', '', 'Copiado por Hearth el 6 de diciembre de 2026.', '', readableWords('es').w('warning.unencrypted')])
    expect(plan).toContain(`LUGARES SEGUROS\n---------------\nmy aunt's ${PLAN_CANARY}`)
    const journal = (await ok(svc.readableCopy({ kind: 'journal', language: 'es' }))).text
    expect(journal).toContain('REGISTRO DE INCIDENTES')
    expect(journal).toContain('Entradas: 1, de la más antigua a la más reciente.')
    expect(journal).toMatch(/^1\. 20 de noviembre de 2026 a las 21:15$/m)
    expect(journal).toContain('Qué pasó:\nhe took my phone')

    // The path-based exports write the same words as the copies handed to the front end.
    await ok(svc.exportSafetyPlan({ path: path.join(chosen, 'plan.txt'), language: 'es' }))
    expect(readFileSync(path.join(chosen, 'plan.txt'), 'utf8')).toBe(plan)
    // Members' words reach only the chosen folder: the profile holds no trace of them.
    const hits = scanForCanaries([root], [POST_CANARY, PLAN_CANARY])
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.filter((h) => !h.file.startsWith(chosen + path.sep))).toEqual([])
    expect(listFiles(chosen).sort()).toEqual([file, path.join(chosen, 'plan.txt')].sort())
    await svc.close()
  })

  it('Arabic: right to left with lang, names and members\' words isolated', async () => {
    const { svc, groupId } = await group()
    const html = (await ok(svc.readableCopy({ kind: 'group', groupId, format: 'html', language: 'ar' }))).text
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/)
    expect(html).toContain('صُدِّر من Hearth في <time datetime="2026-12-06T09:00:00.000Z">')
    expect(html).toContain('تنبيه بالمحتوى: <bdi>costs $&amp; and $1</bdi>')
    expect(html).toContain('<h2 id="p-')
    expect(html).toMatch(/<h2 id="p-[0-9a-f]+"><bdi>سارة<\/bdi><\/h2>/)
    expect(html).toMatch(/<h1><bdi>Circle<\/bdi><\/h1>/)
    expect(html).toContain('<p class="text" dir="auto">the hard part</p>')
    expect(html).toContain('أصدّقك')
    expect(html).not.toMatch(/Exported from|Content warning/)
    const plan = (await ok(svc.readableCopy({ kind: 'safety-plan', language: 'ar' }))).text
    expect(plan.startsWith('خطة السلامة الخاصة بي\n')).toBe(true)
    expect(plan).toContain(`أماكن آمنة\n`)
    expect(plan).toContain(`my aunt's ${PLAN_CANARY}`)
    await svc.close()
  })

  it('JSON is the same bytes in every language; an unknown tag gives English; a malformed one is refused', async () => {
    const { svc, groupId } = await group()
    const json = async (language?: string) => (await ok(svc.readableCopy({ kind: 'group', groupId, format: 'json', ...(language ? { language } : {}) }))).text
    const english = await json()
    for (const tag of [...READABLE_LANGUAGES, 'ar-EG', 'zh-Hant']) expect(await json(tag), tag).toBe(english)

    const en = (await ok(svc.readableCopy({ kind: 'group', groupId, format: 'html' }))).text
    expect(en).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/)
    expect(en).toContain('Content warning: <bdi>costs $&amp; and $1</bdi> (open to read)')
    for (const unknown of ['xx', 'zh-Hant']) expect((await ok(svc.readableCopy({ kind: 'group', groupId, format: 'html', language: unknown }))).text).toBe(en)
    expect((await ok(svc.readableCopy({ kind: 'journal', language: 'xx' }))).text).toBe((await ok(svc.readableCopy({ kind: 'journal' }))).text)

    for (const bad of ['../x', '', 'e', 'en_US!', 'x'.repeat(40)]) {
      const r = await svc.call('readableCopy', { kind: 'safety-plan', language: bad })
      expect(r.ok ? 'OK' : r.error.code, bad).toBe('INVALID_INPUT')
    }
    // A calendar file has no words of Hearth's to translate: it takes no language at all.
    const r = await svc.call('readableCopy', { kind: 'meeting', groupId, meetingId: '0123456789abcdef', language: 'es' })
    expect(r.ok ? 'OK' : r.error.code).toBe('INVALID_INPUT')
    await svc.close()
  })

  it('every language keeps every slot of the English words, and none is empty', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const lang of READABLE_LANGUAGES) {
      const words = readableWords(lang)
      expect(words.lang).toBe(lang)
      for (const key of Object.keys(readableEn) as (keyof typeof readableEn)[]) {
        const text = words.w(key)
        expect(text.trim(), `${lang} ${key}`).not.toBe('')
        expect(slots(text), `${lang} ${key}`).toEqual(slots(readableEn[key]))
      }
    }
    expect(readableWords('ar').dir).toBe('rtl')
    expect(readableWords('pt-BR').lang).toBe('pt')
  })
})
