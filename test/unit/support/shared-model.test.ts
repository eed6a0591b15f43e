/**
 * The shared support docs: the resource directory with members' suggestions, the hotline data
 * file, meetings with RSVPs and their .ics copy, and who may write the new shared docs.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { ResourceFields } from '../../../core/api.ts'
import { HOTLINES, hotlineUrls } from '../../../core/model/hotlines.ts'
import { escapeText, fold, meetingIcs, neutralUid } from '../../../core/model/ics.ts'
import { cancelMeeting, readMeetings, saveMeeting, setRsvp } from '../../../core/model/meetings-doc.ts'
import { addEntry, addSuggestion, directoryUrls, dismissSuggestion, isSafeUrl, readDirectory, readSuggestions, removeEntry } from '../../../core/model/resources-doc.ts'
import { checkWrite, type WriteAuthority } from '../../../core/model/write-rule.ts'
import { codeOf } from '../model/support.ts'

const NOW = Date.UTC(2026, 10, 24, 9, 0)
const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const name = (id: string): string => (id === A ? 'Alder' : id === B ? 'Birch' : 'former member')
const legal: ResourceFields = { category: 'legal', name: 'Law centre', region: 'Leeds', contact: '0113 000 000, weekdays', url: 'https://example.org/law', notes: 'free first meeting' }

describe('resources', () => {
  it('takes a member’s suggestion into the directory, after which it is no longer waiting', () => {
    const shared = new Y.Doc()
    const birch = new Y.Doc()
    const ref = addSuggestion(birch, B, legal, NOW)
    const other = addSuggestion(birch, B, { ...legal, name: 'Shelter line', category: 'housing', url: null }, NOW + 1)
    const docs = new Map([[B, birch]])
    expect(readSuggestions(shared, docs, name, A, null).map((s) => s.id).sort()).toEqual([ref, other].sort())
    expect(readSuggestions(shared, docs, name, A, A)).toEqual([])
    addEntry(shared, legal, A, ref, NOW + 2)
    dismissSuggestion(shared, other, NOW + 3)
    expect(readSuggestions(shared, docs, name, A, null)).toEqual([])
    const dir = readDirectory(shared, name)
    expect(dir).toHaveLength(1)
    expect(dir[0]).toMatchObject({ ...legal, addedBy: 'Alder', suggestedBy: 'Birch' })
    expect(directoryUrls(shared)).toEqual(['https://example.org/law'])
    removeEntry(shared, dir[0]!.id)
    expect(readDirectory(shared, name)).toEqual([])
    expect(codeOf(() => removeEntry(shared, dir[0]!.id))).toBe('NOT_FOUND')
  })

  it('accepts only https addresses without credentials or port, and skips malformed entries', () => {
    for (const u of ['http://example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@example.org', 'https://example.org:8443/']) {
      expect(isSafeUrl(u), u).toBe(false)
      expect(codeOf(() => addEntry(new Y.Doc(), { ...legal, url: u }, A, null, NOW)), u).toBe('INVALID_INPUT')
    }
    const shared = new Y.Doc()
    shared.getMap('entries').set('00000000000000aa', { ...legal, url: 'http://plain.example', addedBy: A, suggestion: null, at: NOW })
    shared.getMap('entries').set('00000000000000bb', { ...legal, category: 'astrology', addedBy: A, suggestion: null, at: NOW })
    expect(readDirectory(shared, name)).toEqual([])
    expect(directoryUrls(shared)).toEqual([])
  })
})

describe('hotline starter list', () => {
  it('is dated, says how it was compiled and that Hearth is not a crisis service, and names a source for every line', () => {
    expect(HOTLINES.compiled).toBe('2026-11-24')
    expect(HOTLINES.note).toContain('Hearth is not a crisis service')
    expect(HOTLINES.note).toContain('NOT checked live')
    const countries = HOTLINES.countries.map((c) => c.country)
    expect(countries).toEqual(expect.arrayContaining(['United States', 'United Kingdom', 'Australia', 'Ireland', 'Germany', 'France', 'New Zealand', 'Canada']))
    const us = HOTLINES.countries.find((c) => c.country === 'United States')
    expect(us?.lines[0]?.phone).toBe('1-800-799-7233')
    expect(HOTLINES.countries.find((c) => c.country === 'Canada')?.note).toContain('no single national')
    for (const c of HOTLINES.countries) {
      expect(c.emergency.length).toBeGreaterThan(1)
      for (const l of c.lines) expect(isSafeUrl(l.source), l.name).toBe(true)
    }
    expect(hotlineUrls().every(isSafeUrl)).toBe(true)
  })
})

describe('meetings', () => {
  const fields = { title: 'Tuesday circle', mode: 'in-person' as const, startsAt: NOW + 86_400_000, minutes: 90, place: 'Room 2, Library; back door', facilitator: A, agenda: 'Check-in\nTopic: sleep' }

  it('plans, counts RSVPs from members’ own docs, changes and cancels', () => {
    const shared = new Y.Doc()
    const id = saveMeeting(shared, fields, A, undefined, NOW)
    const alder = new Y.Doc()
    const birch = new Y.Doc()
    setRsvp(alder, id, 'yes')
    setRsvp(birch, id, 'maybe')
    birch.getMap('rsvps').set('ffffffffffffffff', 'yes')
    const docs = new Map([[A, alder], [B, birch]])
    let m = readMeetings(shared, docs, name, B)[0]
    expect(m).toMatchObject({ id, title: 'Tuesday circle', facilitatorName: 'Alder', createdBy: 'Alder', answers: { yes: 1, maybe: 1, no: 0 }, mine: 'maybe', coming: ['Alder'], cancelled: false })
    saveMeeting(shared, { ...fields, minutes: 60 }, B, id, NOW + 1)
    cancelMeeting(shared, id, NOW + 2)
    m = readMeetings(shared, docs, name, B)[0]
    expect(m).toMatchObject({ minutes: 60, createdBy: 'Alder', cancelled: true })
    expect(codeOf(() => saveMeeting(shared, { ...fields, facilitator: 'nobody' }, A, undefined, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => saveMeeting(shared, { ...fields, title: 'x'.repeat(121) }, A, undefined, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => cancelMeeting(shared, '0123456789abcdef', NOW))).toBe('NOT_FOUND')
  })

  it('writes an .ics with UTC times, escaped text and folded lines', () => {
    const shared = new Y.Doc()
    const id = saveMeeting(shared, { ...fields, title: 'Circle, with; care' + ' long'.repeat(18) }, A, undefined, NOW)
    const m = readMeetings(shared, new Map(), name, A)[0]!
    const ics = meetingIcs(m, NOW, { realTitle: true })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics).toContain('DTSTART:20261125T090000Z')
    expect(ics).toContain('DTEND:20261125T103000Z')
    expect(ics).toContain(`UID:${neutralUid(id)}`)
    expect(ics).toContain('LOCATION:Room 2\\, Library\\; back door')
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Circle\\, with\\; care long')
    expect(escapeText('a\nb\\c')).toBe('a\\nb\\\\c')
    expect(fold('é'.repeat(50)).split('\r\n ').every((p) => Buffer.byteLength(p) <= 75)).toBe(true)
  })

  it('is neutral by default: "Appointment", no description, and nothing names the group, the meeting id or Hearth', () => {
    const shared = new Y.Doc()
    const id = saveMeeting(shared, { ...fields, title: 'Survivors circle', agenda: 'Safety planning' }, A, undefined, NOW)
    const m = readMeetings(shared, new Map(), name, A)[0]!
    const ics = meetingIcs(m, NOW)
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('SUMMARY:Appointment\r\n')
    expect(unfolded).not.toContain('Survivors')
    expect(unfolded).not.toContain('Safety planning')
    expect(unfolded).not.toContain('DESCRIPTION')
    expect(unfolded.toLowerCase()).not.toContain('hearth')
    expect(unfolded).not.toContain(id)
    // Stable across exports, so a calendar updates the event instead of adding a copy.
    expect(meetingIcs(m, NOW + 1)).toContain(`UID:${neutralUid(id)}`)
    expect(unfolded).toContain('LOCATION:Room 2')
  })
})

describe('who writes the new shared docs', () => {
  const auth = (role: 'facilitator' | 'member'): WriteAuthority => ({
    knowsLog: () => true, memberForBlock: () => A, roleForBlock: () => role,
    writersOf: (doc) => (doc === 'rules' ? ['facilitator', 'member'] : ['facilitator']),
  })
  it('lets facilitators and refuses members for resources, meetings and debrief', () => {
    for (const doc of ['shared/resources', 'shared/meetings', 'shared/debrief']) {
      expect(checkWrite(auth('facilitator'), 'log', 0, doc).ok, doc).toBe(true)
      expect(checkWrite(auth('member'), 'log', 0, doc).ok, doc).toBe(false)
    }
  })
})
