import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LineReader, nodeEndpoint, parseCall } from '../../../scripts/cli/node-wire.ts'

const b = (s: string): Buffer => Buffer.from(s, 'utf8')

describe('node socket wire', () => {
  it('splits lines across chunks, drops blank ones and a trailing CR', () => {
    const r = new LineReader(64)
    expect(r.push(b('{"a":1}\n{"b"'))).toEqual({ lines: ['{"a":1}'], overflow: false })
    expect(r.push(b(':2}\r\n\n  \n'))).toEqual({ lines: ['{"b":2}'], overflow: false })
    // A character split between chunks is decoded whole.
    const heart = b('"♥"\n')
    expect(r.push(heart.subarray(0, 2))).toEqual({ lines: [], overflow: false })
    expect(r.push(heart.subarray(2))).toEqual({ lines: ['"♥"'], overflow: false })
  })

  it('gives up on a line longer than the bound, whether or not its newline has come', () => {
    const open = new LineReader(8)
    expect(open.push(b('12345'))).toEqual({ lines: [], overflow: false })
    expect(open.push(b('6789'))).toEqual({ lines: [], overflow: true })
    expect(open.push(b('\n{}\n')).overflow).toBe(true)

    const closed = new LineReader(8)
    expect(closed.push(b('ok\n123456789\nlater\n'))).toEqual({ lines: ['ok'], overflow: true })
    expect(new LineReader(8).push(b('12345678\n'))).toEqual({ lines: ['12345678'], overflow: false })
  })

  it('reads calls and refuses every other shape with a coded error', () => {
    expect(parseCall('{"id":1,"method":"feed","input":{"groupId":"x"}}')).toEqual({ id: 1, method: 'feed', input: { groupId: 'x' } })
    expect(parseCall('{"id":"a","method":"profileStatus"}')).toEqual({ id: 'a', method: 'profileStatus', input: undefined })
    const refused = (line: string, id: number | string | null): void =>
      expect(parseCall(line)).toMatchObject({ id, result: { ok: false, error: { code: 'INVALID_INPUT' } } })
    refused('nonsense', null)
    refused('[1,2]', null)
    refused('null', null)
    refused('"text"', null)
    refused('{"method":"feed"}', null)
    refused('{"id":1.5,"method":"feed"}', null)
    refused(`{"id":"${'x'.repeat(65)}","method":"feed"}`, null)
    refused('{"id":7}', 7)
    refused('{"id":7,"method":{"name":"feed"}}', 7)
  })

  it('puts the socket in the profile, or a per-profile pipe on Windows', () => {
    expect(nodeEndpoint('/home/a/.config/Hearth/profile', 'linux')).toBe('/home/a/.config/Hearth/profile/node.sock')
    expect(nodeEndpoint(`/${'d'.repeat(120)}`, 'linux')).toBeNull()
    const pipe = nodeEndpoint('C:\\Users\\A\\AppData\\Roaming\\Hearth\\profile', 'win32')
    expect(pipe).toMatch(/^\\\\\.\\pipe\\hearth-[0-9a-f]{32}$/)
    expect(nodeEndpoint('c:\\users\\a\\appdata\\roaming\\hearth\\profile', 'win32')).toBe(pipe)
    expect(nodeEndpoint('C:\\Users\\B\\AppData\\Roaming\\Hearth\\profile', 'win32')).not.toBe(pipe)
    expect(nodeEndpoint('relative/p', 'linux')).toBe(path.resolve('relative/p', 'node.sock'))
  })
})
