/**
 * Names that cannot impersonate (issue 14): the character rule, the TR39 skeleton, the
 * deterministic "who keeps a name" rule, and hostile peers who bypass our schemas by writing
 * their own admission or profile directly.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanName, nameProblem, resolveNames, skeleton, unnamed } from '../../../core/model/names.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { memberNames, checkNameFor } from '../../../core/group/member-names.ts'
import { members } from '../../../core/model/views.ts'
import { createService } from '../../../core/service.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { admit, founder, syncAll } from '../governance/peers.ts'

const codeOf = (f: () => unknown): string => {
  try {
    f()
    return 'OK'
  } catch (e) {
    return (e as { code?: string }).code ?? String(e)
  }
}

describe('the character rule', () => {
  it('refuses invisible, direction and control characters, keeps ordinary names and emoji', () => {
    for (const bad of ['Alder\u200b', 'Al\u200ddér', 'A\u202Eredla', 'Alder\u2066x', '\u00adAlder', 'Alder\uFE0F', 'Al\u00a0der', 'Alder\u0007', 'Alder\u001b[2J', 'x\u3164', 'Al  der', 'a\u0301\u0301\u0301\u0301\u0301\u0301']) {
      expect(nameProblem(bad), JSON.stringify(bad)).not.toBeNull()
      expect(codeOf(() => cleanName(bad)), JSON.stringify(bad)).toBe('NAME_NOT_ALLOWED')
    }
    for (const good of ['Alder', 'Zoë', 'Ана', 'محمد', '李雷', 'Rose 🌹', '❤️ Ash', '👩‍👩‍👧 River', 'Mary-Jane O’Neil']) expect(nameProblem(good), good).toBeNull()
  })

  it('normalises to NFC and trims, so the same name typed two ways is one name', () => {
    expect(cleanName('  Zoe\u0308 ')).toBe('Zoë')
    expect(cleanName('Zoe\u0308')).toBe(cleanName('Zo\u00eb'))
  })

  it("refuses names that look like Hearth's own labels", () => {
    for (const bad of ['Former member', 'former member', 'Unnamed member 1a2b3c', 'You']) expect(nameProblem(bad), bad).not.toBeNull()
  })
})

describe('the TR39 skeleton', () => {
  it('maps look-alikes to one skeleton (Cyrillic А, rn/m, digit 0/O) and keeps different names apart', () => {
    expect(skeleton('\u0410lder')).toBe(skeleton('Alder'))
    expect(skeleton('rn')).toBe(skeleton('m'))
    expect(skeleton('B0b')).toBe(skeleton('BOb'))
    expect(skeleton('Alder')).not.toBe(skeleton('Birch'))
    // NFD before and after the mapping: a precomposed and a decomposed ë are one name
    expect(skeleton('Zo\u00eb')).toBe(skeleton('Zoe\u0308'))
  })
})

describe('who keeps a name', () => {
  it('earlier admission wins; a later look-alike shows as unnamed; a rename cannot take a name', () => {
    const a = 'a'.repeat(64)
    const b = 'b'.repeat(64)
    const c = 'c'.repeat(64)
    const names = resolveNames([
      { id: a, admitted: 'Alder', profile: undefined },
      { id: b, admitted: '\u0410lder', profile: undefined },
      { id: c, admitted: 'Cedar', profile: 'A1der' },
    ], 64)
    expect(names.get(a)).toBe('Alder')
    expect(names.get(b)).toBe(unnamed(b))
    // "A1der" has the skeleton of "Alder" (1 → l): refused, Cedar keeps the admission name
    expect(names.get(c)).toBe('Cedar')
    // the same claims in the same order give the same names on every peer
    expect(resolveNames([{ id: b, admitted: 'Birch', profile: 'Alder' }, { id: a, admitted: 'Alder', profile: null }], 64).get(b)).toBe('Birch')
  })

  it('a profile name with hidden characters falls back to the admission name', () => {
    const a = 'a'.repeat(64)
    expect(resolveNames([{ id: a, admitted: 'Ash', profile: 'Alder\u200b' }], 64).get(a)).toBe('Ash')
    expect(resolveNames([{ id: a, admitted: 'A\u202Esh', profile: 42 }], 64).get(a)).toBe(unnamed(a))
  })
})

describe('hostile peers bypassing the schemas', () => {
  it('an admission named "Alder"+ZWSP and a profile renamed to a look-alike show as themselves on every peer', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const alder = await admit(rnd, fay, 'Alder', 'facilitator')
    // Alder's node admits a look-alike directly (a hostile or modified node skips the join check)
    const mallory = await admit(rnd, alder, 'Alder\u200b')
    const imitator = await admit(rnd, alder, '\u0410lder')
    const birch = await admit(rnd, fay, 'Birch')
    // Birch's own node writes a profile name that looks like Fay's
    await birch.space.change(memberDocId(birch.me), (d) => d.getMap('profile').set('pseudonym', 'Fay'))
    const peers = [fay, alder, mallory, imitator, birch]
    await syncAll(peers)
    for (const p of peers) {
      const names = memberNames(p.space)
      expect(names.get(alder.me)).toBe('Alder')
      expect(names.get(mallory.me)).toBe(unnamed(mallory.me))
      expect(names.get(imitator.me)).toBe(unnamed(imitator.me))
      expect(names.get(birch.me)).toBe('Birch')
      expect(names.get(fay.me)).toBe('Fay')
      const gov = p.space.governance
      const shown = members({ me: p.me, members: gov.members, docs: p.space.docs.memberDocs(), rules: null, names }).map((m) => m.pseudonym)
      expect(new Set(shown.map(skeleton)).size).toBe(shown.length)
    }
    // A member of this group asking for a taken name is refused with a code, by skeleton
    expect(codeOf(() => checkNameFor(birch.space, birch.me, 'A1der'))).toBe('NAME_TAKEN')
    expect(codeOf(() => checkNameFor(birch.space, birch.me, 'Alder\u200b'))).toBe('NAME_NOT_ALLOWED')
    // ...and a newcomer's join request the same way (decideJoin asks checkNameFor)
    expect(codeOf(() => checkNameFor(birch.space, 'd'.repeat(64), '\u0410lder'))).toBe('NAME_TAKEN')
    expect(checkNameFor(birch.space, birch.me, 'Birch Tree')).toBe('Birch Tree')
  })
})

describe('names at the service boundary', () => {
  const tempDir = useTempDirs()
  it('create, rename and settings refuse refused characters with NAME_NOT_ALLOWED and store NFC', async () => {
    const svc = createService({ profileDir: path.join(tempDir(), 'p') })
    const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : (r.error?.code ?? '?'))
    expect(code(await svc.createProfile({ passphrase: 'correct horse battery staple', name: 'Fay\u200b' }))).toBe('NAME_NOT_ALLOWED')
    await ok(svc.createProfile({ passphrase: 'correct horse battery staple', name: 'Fay' }))
    expect(code(await svc.createGroup({ name: 'Circle\u202E' }))).toBe('NAME_NOT_ALLOWED')
    expect(code(await svc.createGroup({ name: 'Circle', pseudonym: 'F\u200bay' }))).toBe('NAME_NOT_ALLOWED')
    const { id: groupId, name } = await ok(svc.createGroup({ name: 'Cafe\u0301 circle' }))
    expect(name).toBe('Café circle')
    expect(code(await svc.updateSettings({ groupId, name: 'Circle\u2067' }))).toBe('NAME_NOT_ALLOWED')
    expect(code(await svc.setProfile({ groupId, pseudonym: 'Fay\u2060' }))).toBe('NAME_NOT_ALLOWED')
    expect((await ok(svc.setProfile({ groupId, pseudonym: 'Zoe\u0308' }))).pseudonym).toBe('Zoë')
    await svc.close()
  })
})
