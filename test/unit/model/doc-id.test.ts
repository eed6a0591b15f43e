/**
 * Doc ids decide who may write a doc, so parseDocId must accept exactly the three classes with
 * one spelling each; anything else from a peer is "not ours".
 */
import { describe, expect, it } from 'vitest'
import {
  isMemberId, lineDocId, memberDocId, parseDocId, personalDocId, sharedDocId,
} from '../../../core/model/doc-id.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf, memberIds } from './support.ts'

const [alice] = memberIds(seededRandom(testSeed()), 1) as [string]

describe('parseDocId', () => {
  it('accepts a member doc, the shared rules doc and a personal doc', () => {
    expect(parseDocId(`member/${alice}`)).toEqual({ id: `member/${alice}`, cls: 'member', name: alice })
    expect(parseDocId('shared/rules')).toEqual({ id: 'shared/rules', cls: 'shared', name: 'rules' })
    expect(parseDocId('personal/safety-plan')).toEqual({ id: 'personal/safety-plan', cls: 'personal', name: 'safety-plan' })
    expect(parseDocId('personal/journal_2024.v1')).not.toBeNull()
    expect(parseDocId(`personal/${'a'.repeat(64)}`)).not.toBeNull()
  })

  it.each([
    ['empty', ''],
    ['no slash', 'member'],
    ['only a slash', '/'],
    ['class only', 'member/'],
    ['uppercase member id', `member/${alice.toUpperCase()}`],
    ['one uppercase hex digit', `member/${alice.slice(0, 63)}A`],
    ['member id too short', `member/${alice.slice(0, 63)}`],
    ['member id too long', `member/${alice}0`],
    ['member id not hex', `member/${'g'.repeat(64)}`],
    ['member id with a trailing slash', `member/${alice}/`],
    ['member id with a sub-path', `member/${alice}/posts`],
    ['member id with a trailing newline', `member/${alice}\n`],
    ['uppercase class', `Member/${alice}`],
    ['unknown class', 'group/rules'],
    ['unknown shared doc', 'shared/no-such-doc'],
    ['shared doc with a different case', 'shared/Rules'],
    ['shared doc with a sub-path', 'shared/rules/x'],
    ['shared doc with a trailing slash', 'shared/rules/'],
    ['personal parent dir', 'personal/..'],
    ['personal current dir', 'personal/.'],
    ['personal traversal', 'personal/../vault'],
    ['personal nested', 'personal/a/b'],
    ['personal hidden file', 'personal/.journal'],
    ['personal leading dash', 'personal/-x'],
    ['personal uppercase', 'personal/Journal'],
    ['personal with a space', 'personal/my journal'],
    ['personal with a backslash', 'personal/..\\vault'],
    ['personal empty', 'personal/'],
    ['personal name too long', `personal/${'a'.repeat(65)}`],
    ['leading slash', `/member/${alice}`],
    ['double slash', `member//${alice}`],
  ])('rejects %s', (_what, id) => {
    expect(parseDocId(id)).toBeNull()
  })
})

describe('doc id builders', () => {
  it('build ids that parse back to the same class', () => {
    expect(parseDocId(memberDocId(alice))?.cls).toBe('member')
    expect(parseDocId(sharedDocId('rules'))?.cls).toBe('shared')
    expect(parseDocId(personalDocId('journal'))?.cls).toBe('personal')
    expect(parseDocId(lineDocId(alice))).toEqual({ id: `line/${alice}`, cls: 'line', name: alice })
  })

  it('refuse what parseDocId would refuse', () => {
    expect(codeOf(() => memberDocId(alice.toUpperCase()))).toBe('INVALID_INPUT')
    expect(codeOf(() => memberDocId(''))).toBe('INVALID_INPUT')
    expect(codeOf(() => personalDocId('../vault'))).toBe('INVALID_INPUT')
    expect(codeOf(() => personalDocId(''))).toBe('INVALID_INPUT')
    expect(codeOf(() => lineDocId(alice.toUpperCase()))).toBe('INVALID_INPUT')
    expect(parseDocId(`line/${alice}/x`)).toBeNull()
    expect(parseDocId('line/rules')).toBeNull()
    expect(isMemberId(alice)).toBe(true)
    expect(isMemberId(`${alice} `)).toBe(false)
  })
})
