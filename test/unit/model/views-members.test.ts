/** The member list: roster from governance, names and status from each member's own doc. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { members, type MemberInfo } from '../../../core/model/views.ts'
import { rulesHash } from '../../../core/model/rules-doc.ts'
import { LIMITS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { memberIds, viewSource } from './support.ts'

const [alice, bob, fay, gus, mallory] = memberIds(seededRandom(testSeed()), 5) as [string, string, string, string, string]
const roster: MemberInfo[] = [
  { id: alice, role: 'member', pseudonym: 'Alice' },
  { id: bob, role: 'member', pseudonym: 'bob' },
  { id: fay, role: 'facilitator', pseudonym: 'Fay' },
  { id: gus, role: 'facilitator', pseudonym: 'Gus' },
]
const rules = { version: 2, text: 'Be kind.', at: 1, by: fay, hash: rulesHash('Be kind.') }
const docOf = (id: string): MemberDoc => new MemberDoc(new Y.Doc(), id)

describe('members view', () => {
  it('lists facilitators first, then everyone by name, and marks me', () => {
    const docs = [alice, bob, fay, gus].map(docOf)
    const view = members(viewSource({ me: bob, members: roster, docs }))
    expect(view.map((m) => [m.pseudonym, m.role])).toEqual([['Fay', 'facilitator'], ['Gus', 'facilitator'], ['Alice', 'member'], ['bob', 'member']])
    expect(view.filter((m) => m.me).map((m) => m.id)).toEqual([bob])
  })

  it('uses the profile name and status a member set, with fallbacks for missing or bad ones', () => {
    const [a, b, f, g] = [alice, bob, fay, gus].map(docOf) as [MemberDoc, MemberDoc, MemberDoc, MemberDoc]
    a.setProfile({ pseudonym: 'Zed', status: 'stepping-back' }, 1)
    b.profile.set('status', 'hiding')
    b.profile.set('pseudonym', 'x'.repeat(LIMITS.pseudonym + 1))
    f.profile.set('status', 7)
    g.profile.set('status', new Y.Text('away'))
    const view = members(viewSource({ me: alice, members: roster, docs: [a, b, f, g] }))
    const byId = new Map(view.map((m) => [m.id, m]))
    expect(byId.get(alice)).toMatchObject({ pseudonym: 'Zed', status: 'stepping-back' })
    expect(byId.get(bob)).toMatchObject({ pseudonym: 'bob', status: 'active' })
    expect(byId.get(fay)?.status).toBe('active')
    expect(byId.get(gus)?.status).toBe('active')
  })

  it('lists a member whose doc has not arrived yet', () => {
    const view = members(viewSource({ me: alice, members: roster, docs: [], rules }))
    expect(view).toHaveLength(4)
    expect(view.find((m) => m.id === alice)).toEqual({ id: alice, pseudonym: 'Alice', role: 'member', me: true, status: 'active', acceptedRules: null })
  })

  it('reports acceptance of the current rules version only', () => {
    const [a, b, f] = [alice, bob, fay].map(docOf) as [MemberDoc, MemberDoc, MemberDoc]
    a.acceptRules(rulesHash('Be kind.'), 5)
    b.acceptRules(rulesHash('Earlier, different rules.'), 5)
    const view = members(viewSource({ me: alice, members: roster, docs: [a, b, f], rules }))
    const accepted = Object.fromEntries(view.map((m) => [m.id, m.acceptedRules]))
    expect(accepted).toEqual({ [alice]: 2, [bob]: null, [fay]: null, [gus]: null })
    expect(members(viewSource({ me: alice, members: roster, docs: [a], rules: null })).every((m) => m.acceptedRules === null)).toBe(true)
  })

  it('never lists the doc of someone governance does not list', () => {
    const m = docOf(mallory)
    m.setProfile({ pseudonym: 'Intruder' }, 1)
    const view = members(viewSource({ me: alice, members: roster, docs: [m] }))
    expect(view.map((v) => v.id)).not.toContain(mallory)
    expect(JSON.stringify(view)).not.toContain('Intruder')
  })
})
