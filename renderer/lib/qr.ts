/**
 * An invite code as a QR symbol, drawn by our own SVG from the module matrix the `qr` package
 * computes: no markup from a library enters the page, and nothing needs inline style, so the
 * strict CSP holds. Medium error correction survives a phone camera at an angle.
 */
import encodeQR from 'qr'

export interface QrPath {
  /** Modules per side, quiet zone included. */
  size: number
  /** One SVG path drawing every dark module as a unit square. */
  d: string
}

export function qrPath(text: string): QrPath {
  const rows = encodeQR(text, 'raw', { ecc: 'medium', border: 4 })
  let d = ''
  rows.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`
    })
  })
  return { size: rows.length, d }
}
