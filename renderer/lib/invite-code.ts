/**
 * How an invite code is shown: the groups of four core already uses, and a spelled-out form for
 * screen readers, which would otherwise try to pronounce "SC0Z" as a word.
 */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean)
}

export function spelledCode(code: string): string {
  return codeGroups(code)
    .map((g) => [...g].join(' '))
    .join(', ')
}
