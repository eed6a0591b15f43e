/** Dates as a person reads them, in their own locale: "12 Mar 2026, 14:05". */
export function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString()
}
