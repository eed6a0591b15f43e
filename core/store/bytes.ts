/**
 * Little-endian binary writing and bounds-checked reading for Hearth's own file formats. A reader
 * never reads past its input: any short or over-long field raises the error the format chose.
 */
import { concatBytes } from '../bytes.ts'
import type { HearthError } from '../errors.ts'

export class ByteWriter {
  private chunks: Uint8Array[] = []
  private size = 0

  raw(b: Uint8Array): this {
    this.chunks.push(b)
    this.size += b.length
    return this
  }

  u8(n: number): this {
    return this.raw(Uint8Array.of(n))
  }

  u32(n: number): this {
    const b = new Uint8Array(4)
    new DataView(b.buffer).setUint32(0, n, true)
    return this.raw(b)
  }

  /** 32 raw bytes from 64 hex characters. */
  hex32(h: string): this {
    const b = Buffer.from(h, 'hex')
    if (b.length !== 32) throw new RangeError('expected 32 bytes of hex')
    return this.raw(b)
  }

  /** u32 length, then the bytes. */
  bytes32(b: Uint8Array): this {
    return this.u32(b.length).raw(b)
  }

  /** u8 length, then ASCII. */
  ascii8(s: string): this {
    const b = Buffer.from(s, 'latin1')
    if (b.length > 255) throw new RangeError('string too long')
    return this.u8(b.length).raw(b)
  }

  /** What was written, as the pieces given (no copy): for sealFileParts, which copies them once. */
  parts(): Uint8Array[] {
    const out = this.chunks
    this.chunks = []
    return out
  }

  done(): Uint8Array {
    const out = concatBytes(this.chunks)
    this.chunks = []
    return out
  }
}

export class ByteReader {
  private o = 0
  private readonly dv: DataView

  constructor(
    private readonly b: Uint8Array,
    private readonly bad: () => HearthError,
  ) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  }

  private need(n: number): void {
    if (this.o + n > this.b.length) throw this.bad()
  }

  u8(): number {
    this.need(1)
    return this.b[this.o++] as number
  }

  u32(): number {
    this.need(4)
    const v = this.dv.getUint32(this.o, true)
    this.o += 4
    return v
  }

  raw(n: number): Uint8Array {
    this.need(n)
    const out = this.b.slice(this.o, this.o + n)
    this.o += n
    return out
  }

  hex32(): string {
    return Buffer.from(this.raw(32)).toString('hex')
  }

  bytes32(): Uint8Array {
    return this.raw(this.u32())
  }

  ascii8(): string {
    return Buffer.from(this.raw(this.u8())).toString('latin1')
  }

  /** Throws unless every byte was read. */
  end(): void {
    if (this.o !== this.b.length) throw this.bad()
  }
}
