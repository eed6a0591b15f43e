/**
 * Other people's words on a terminal. A post, a name or a note can hold escape sequences that
 * retitle the terminal, clear the screen or fake output, and direction controls that reorder a
 * line; a newline can fake a whole record. Plain-text output therefore shows every such character
 * as something visible instead of sending it to the terminal: C0 controls and DEL as Unicode's
 * control pictures (ESC → ␛), C1 controls as `\x9b`, direction and line-separator characters as
 * `<U+202E>`. `--json` prints the values exactly as the API returns them.
 *
 * Every plain-text printer passes other people's text through `shown` (one line) or `shownBlock`
 * (a body whose lines are indented so none can pass for a record of ours); the CLI's last step,
 * `terminalSafe`, sweeps the whole output once more, so a printer that forgets still prints no
 * control character but the newlines it meant.
 */

const C0_OR_DEL = /[\u0000-\u001f\u007f]/g
const C1 = /[\u0080-\u009f]/g
const DIRECTION_OR_SEPARATOR = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

const picture = (c: string): string => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)))
const codePoint = (c: string): string => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`

function visibleExcept(text: string, keep: string): string {
  return text
    .replace(C0_OR_DEL, (c) => (keep.includes(c) ? c : picture(c)))
    .replace(C1, (c) => `\\x${c.charCodeAt(0).toString(16)}`)
    .replace(DIRECTION_OR_SEPARATOR, codePoint)
}

/** One line of someone else's text: every control visible, newlines included (␊). */
export function shown(text: string): string {
  return visibleExcept(text, '')
}

/** A body of someone else's text: its lines kept, each after the first indented by `indent`. */
export function shownBlock(text: string, indent: string): string {
  return text.replace(/\r\n/g, '\n').split('\n').map((line) => shown(line)).join(`\n${indent}`)
}

/** The last step before the terminal: nothing but our own newlines goes through raw. */
export function terminalSafe(out: string): string {
  return visibleExcept(out, '\n')
}
